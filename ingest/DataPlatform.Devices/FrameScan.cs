namespace DataPlatform.Devices;

/// <summary>One step of a framer over its buffer: <see cref="Consumed"/> bytes are done with (0 means "wait for
/// more bytes"), and <see cref="Item"/> is the frame or rejection they produced, if any.</summary>
public readonly record struct FrameScan<TFrame>(int Consumed, DeviceResult<TFrame>? Item) where TFrame : class
{
    public static FrameScan<TFrame> NeedMore => default;
}
