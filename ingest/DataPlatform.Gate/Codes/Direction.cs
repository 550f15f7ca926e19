namespace DataPlatform.Gate;

/// <summary>进出厂状态. The numeric values are the HJ 1321 codes, so <c>(int)direction</c> is the wire code.</summary>
public enum Direction
{
    /// <summary>1 进厂.</summary>
    In = 1,

    /// <summary>2 出厂.</summary>
    Out = 2,
}
