using System.Text.Json.Serialization;
using DataPlatform.Rating.Metrics;
using DataPlatform.Rating.Rules;

namespace DataPlatform.Rating;

/// <summary>The rating's JSON contract (results and rule-set data files), source-generated; snake_case names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(RatingResult))]
[JsonSerializable(typeof(RatingMetrics))]
[JsonSerializable(typeof(RuleSet))]
[JsonSerializable(typeof(IReadOnlyList<RatingResult>))]
public sealed partial class RatingJsonContext : JsonSerializerContext;
