namespace DataPlatform.Compliance.Policies;

public sealed record CancelBooking(string BookingId, DateTimeOffset IssuedAt) : PolicyCommand(IssuedAt);
