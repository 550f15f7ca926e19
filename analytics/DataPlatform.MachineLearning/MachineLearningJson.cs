using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.MachineLearning.Evaluation;
using DataPlatform.MachineLearning.Forecasting;

namespace DataPlatform.MachineLearning;

/// <summary>The JSON the CLI prints (<c>--format json</c>): one source-generated contract per report. NaN (no hour
/// with traffic, say) is written as "NaN" rather than failing.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ForecastEvaluation))]
[JsonSerializable(typeof(LabelledEvaluation))]
public sealed partial class MachineLearningJson : JsonSerializerContext;
