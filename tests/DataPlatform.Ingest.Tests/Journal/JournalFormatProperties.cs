using DataPlatform.Ingest.Journal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests.Journal;

public sealed class JournalFormatProperties
{
    private static Gen<JournalEntry> Entry =>
        from topic in Gen.Elements("gate.raw", "gate.deadletter", "主题")
        from key in ArbMap.Default.GeneratorFor<NonNull<string>>()
        from value in ArbMap.Default.GeneratorFor<byte[]>()
        select new JournalEntry(topic, key.Get, value ?? []);

    private static Arbitrary<JournalEntry[]> Entries => Entry.ArrayOf().ToArbitrary();

    [Property]
    public Property Every_written_entry_reads_back_unchanged() => Prop.ForAll(Entries, entries =>
    {
        using var stream = new MemoryStream(entries.SelectMany(JournalFormat.Encode).ToArray());
        var read = JournalFormat.Decode(stream).ToList();
        return read.Count == entries.Length && read.Zip(entries).All(p =>
            p.First.Topic == p.Second.Topic && p.First.Key == p.Second.Key && p.First.Value.AsSpan().SequenceEqual(p.Second.Value));
    });

    [Property]
    public Property A_torn_tail_loses_only_the_torn_entry() => Prop.ForAll(Entries, Gen.Choose(1, 1000).ToArbitrary(), (entries, cut) =>
    {
        if (entries.Length == 0) return true;
        var bytes = entries.SelectMany(JournalFormat.Encode).ToArray();
        var lastLength = JournalFormat.Encode(entries[^1]).Length;
        var torn = bytes[..^(1 + cut % lastLength)]; // the crash happened while the last entry was being written
        var read = JournalFormat.Decode(new MemoryStream(torn)).ToList();
        return read.Count == entries.Length - 1;
    });

    [Property]
    public Property A_flipped_bit_never_yields_a_wrong_entry() => Prop.ForAll(Entries, Gen.Choose(0, int.MaxValue).ToArbitrary(), (entries, at) =>
    {
        var bytes = entries.SelectMany(JournalFormat.Encode).ToArray();
        if (bytes.Length == 0) return true;
        bytes[at % bytes.Length] ^= 0x10;
        // Whatever survives must be a prefix of what was written: corruption stops reading, never invents data.
        var read = JournalFormat.Decode(new MemoryStream(bytes)).ToList();
        return read.Count < entries.Length && read.Zip(entries).All(p => p.First.Value.AsSpan().SequenceEqual(p.Second.Value));
    });
}
