using System.Security.Cryptography;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.Models;

/// <summary>An ML.NET pipeline with the input schema it was trained on: what is saved to a model file and loaded back.</summary>
public sealed record TrainedModel(ITransformer Transformer, DataViewSchema InputSchema)
{
    /// <summary>Writes the model file (ML.NET zip) and returns its SHA-256 (hex), stored in <c>ml_models.model_sha256</c>.</summary>
    public string Save(MLContext ml, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp)) ml.Model.Save(Transformer, InputSchema, file);
        File.Move(temp, path, overwrite: true);
        using var read = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(read));
    }

    /// <summary>Loads a model file; refuses one whose hash is not <paramref name="expectedSha256"/> (when given).</summary>
    public static TrainedModel Load(MLContext ml, string path, string? expectedSha256 = null)
    {
        if (expectedSha256 is { Length: > 0 })
        {
            using var read = File.OpenRead(path);
            var actual = Convert.ToHexStringLower(SHA256.HashData(read));
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"模型文件 {path} 的 SHA-256 为 {actual}，与 ml_models 记录的 {expectedSha256} 不符 (model file altered)");
        }
        var transformer = ml.Model.Load(path, out var schema);
        return new TrainedModel(transformer, schema);
    }
}
