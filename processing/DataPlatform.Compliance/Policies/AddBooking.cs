namespace DataPlatform.Compliance.Policies;

/// <summary>Adds a booking, or replaces the one with the same id (a rescheduled window).</summary>
public sealed record AddBooking(Booking Booking, DateTimeOffset IssuedAt) : PolicyCommand(IssuedAt);
