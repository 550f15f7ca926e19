using DataPlatform.Processing.Passages;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Passages;

public sealed class PassageIdentityProperties
{
    [Property]
    public bool The_same_event_always_gets_the_same_id(NonNull<string> enterprise, NonNull<string> gate, NonNull<string> eventId) =>
        PassageIdentity.For(enterprise.Get, gate.Get, eventId.Get) == PassageIdentity.For(enterprise.Get, gate.Get, eventId.Get);

    [Property]
    public Property Different_events_get_different_ids(NonNull<string> enterprise, NonNull<string> gate, NonNull<string> a, NonNull<string> b) =>
        (a.Get != b.Get).Implies(PassageIdentity.For(enterprise.Get, gate.Get, a.Get) != PassageIdentity.For(enterprise.Get, gate.Get, b.Get));

    [Property]
    public bool Fields_cannot_run_into_each_other(NonNull<string> a, NonNull<string> b) =>
        // "ab"+"c" and "a"+"bc" are different events; the separator keeps their ids apart. The separator is a newline,
        // which no id can hold (GateEventRules refuses control characters in every id), so ids holding one are no case.
        a.Get.Length == 0 || (a.Get + b.Get).Contains('\n', StringComparison.Ordinal)
        || PassageIdentity.For("E1", a.Get + b.Get, "x") != PassageIdentity.For("E1", a.Get, b.Get + "x")
        || (a.Get + b.Get == a.Get && b.Get + "x" == "x");

    [Fact]
    public void Ids_are_well_formed_version_8_uuids()
    {
        var id = PassageIdentity.For("E1302001", "G01", "cam01-000001").ToString();
        Assert.Equal('8', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
