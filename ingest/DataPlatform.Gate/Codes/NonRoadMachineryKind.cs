namespace DataPlatform.Gate;

/// <summary>机械种类 of non-road mobile machinery. No national code exists; <c>Code</c> is this platform's
/// English slug.</summary>
public enum NonRoadMachineryKind
{
    Excavator = 1,
    Loader = 2,
    Bulldozer = 3,
    Roller = 4,
    Paver = 5,
    Grader = 6,
    Forklift = 7,
    Crane = 8,
    PileDriver = 9,
    PortMachinery = 10,
    Tractor = 11,
    Other = 99,
}
