namespace DataPlatform.Engines.Kafka;

/// <summary>
/// Kafka's own topic name rules. The mock accepts any string, so without this a name that a real
/// broker would reject works here and only fails in production.
/// </summary>
internal static class TopicName
{
    private const int MaxLength = 249;

    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxLength || name is "." or ".." || !name.All(IsLegal))
        {
            throw new ArgumentException(
                $"'{name}' is not a legal Kafka topic name: up to {MaxLength} of [a-zA-Z0-9._-], not '.' or '..'.", nameof(name));
        }
    }

    private static bool IsLegal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
