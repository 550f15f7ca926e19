namespace DataPlatform.Ingest.Journal;

/// <summary>One record the device was acknowledged for: where it goes in Kafka and its bytes.</summary>
public sealed record JournalEntry(string Topic, string Key, byte[] Value);
