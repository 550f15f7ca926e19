using System.Collections.Immutable;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Policies;

/// <summary>An immutable snapshot of every policy, blacklist entry, booking and alert declaration. The gate keeps
/// the last snapshot it received, so it still decides when everything upstream is down; <see cref="Apply"/>
/// produces the next snapshot from a command without touching this one.</summary>
public sealed class PolicySet
{
    private readonly ImmutableSortedDictionary<string, EmergencyPolicy> _policies;
    private readonly ImmutableDictionary<string, ImmutableList<BlacklistEntry>> _blacklistByPlate;
    private readonly ImmutableSortedDictionary<string, Booking> _bookings;
    private readonly ImmutableList<AlertDeclaration> _alerts;

    private PolicySet(
        long version,
        DateTimeOffset? asOf,
        ImmutableSortedDictionary<string, EmergencyPolicy> policies,
        ImmutableDictionary<string, ImmutableList<BlacklistEntry>> blacklistByPlate,
        ImmutableSortedDictionary<string, Booking> bookings,
        ImmutableList<AlertDeclaration> alerts)
    {
        Version = version;
        AsOf = asOf;
        _policies = policies;
        _blacklistByPlate = blacklistByPlate;
        _bookings = bookings;
        _alerts = alerts;
    }

    public static PolicySet Empty { get; } = new(
        0,
        null,
        ImmutableSortedDictionary.Create<string, EmergencyPolicy>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableList<BlacklistEntry>>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Booking>(StringComparer.Ordinal),
        []);

    /// <summary>Number of commands that changed the set since <see cref="Empty"/>.</summary>
    public long Version { get; }

    /// <summary>The latest <see cref="PolicyCommand.IssuedAt"/> among the commands that changed the set.</summary>
    public DateTimeOffset? AsOf { get; }

    public IEnumerable<EmergencyPolicy> Policies => _policies.Values;

    public IEnumerable<BlacklistEntry> Blacklist => _blacklistByPlate.Values.SelectMany(list => list);

    public IEnumerable<Booking> Bookings => _bookings.Values;

    public IReadOnlyList<AlertDeclaration> AlertDeclarations => _alerts;

    /// <summary>Builds a set from a command log, in order (rejected commands are skipped).</summary>
    public static PolicySet From(IEnumerable<PolicyCommand> commands) =>
        commands.Aggregate(Empty, (set, command) => set.Apply(command).Policies);

    public PolicyApplyResult Apply(PolicyCommand command) => command switch
    {
        AddPolicy add => ApplyAddPolicy(add),
        RemovePolicy remove => _policies.ContainsKey(remove.PolicyId)
            ? Changed(remove, $"已撤销管控措施 {remove.PolicyId}", policies: _policies.Remove(remove.PolicyId))
            : Unchanged($"管控措施 {remove.PolicyId} 不存在"),
        AddBlacklistEntry add => ApplyAddBlacklist(add),
        RemoveBlacklistEntry remove => ApplyRemoveBlacklist(remove),
        AddBooking add => add.Booking.WindowEnd <= add.Booking.WindowStart
            ? Unchanged($"预约 {add.Booking.Id} 的结束时间不晚于开始时间，已拒绝")
            : Changed(add, $"已登记预约 {add.Booking.Id}：{add.Booking.Vehicle}",
                bookings: _bookings.SetItem(add.Booking.Id, add.Booking)),
        CancelBooking cancel => _bookings.ContainsKey(cancel.BookingId)
            ? Changed(cancel, $"已取消预约 {cancel.BookingId}", bookings: _bookings.Remove(cancel.BookingId))
            : Unchanged($"预约 {cancel.BookingId} 不存在"),
        SetAlertLevel set => Changed(set,
            set.Level is { } level ? $"{set.EnterpriseId} 自 {set.Since:yyyy-MM-dd HH:mm} 起启动{level.ChineseName}预警"
                : $"{set.EnterpriseId} 自 {set.Since:yyyy-MM-dd HH:mm} 起解除预警",
            alerts: _alerts.Add(new AlertDeclaration(set.EnterpriseId, set.Level, set.Since))),
        _ => throw new ArgumentException($"unknown policy command {command.GetType().Name}", nameof(command)),
    };

    /// <summary>Policies of <paramref name="enterpriseId"/> in force at <paramref name="now"/>: inside their window
    /// and, for standing plans, under a declared alert of at least their level. Deny before alert-only, then the
    /// most severe level first, then by id — the order the gate evaluates them in.</summary>
    public IReadOnlyList<EmergencyPolicy> ActivePolicies(string enterpriseId, DateTimeOffset now)
    {
        var declared = DeclaredAlertLevel(enterpriseId, now);
        return
        [
            .. _policies.Values
                .Where(p => p.EnterpriseId == enterpriseId && p.IsInWindow(now)
                            && (!p.RequiresDeclaredAlert || (declared is { } level && level >= p.Level)))
                .OrderBy(p => p.Action)
                .ThenByDescending(p => p.Level)
                .ThenBy(p => p.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>The level declared for the enterprise at <paramref name="now"/> (latest declaration not after
    /// it; ties broken by the more severe level, so the answer does not depend on command order).</summary>
    public AlertLevel? DeclaredAlertLevel(string enterpriseId, DateTimeOffset now) =>
        _alerts.Where(a => a.EnterpriseId == enterpriseId && a.Since <= now)
            .OrderByDescending(a => a.Since)
            .ThenByDescending(a => a.Level ?? 0)
            .Select(a => a.Level)
            .FirstOrDefault();

    /// <summary>The blacklist entry that stops this vehicle at this enterprise now, if any. An unknown colour on
    /// either side matches: for a deny list, stopping a look-alike for a human check beats letting the listed
    /// truck through because the camera could not tell yellow from green.</summary>
    public BlacklistEntry? FindBlacklisting(string enterpriseId, PlateNumber plate, PlateColor color, DateTimeOffset now) =>
        _blacklistByPlate.TryGetValue(plate.Text, out var entries)
            ? entries.Where(b => b.AppliesTo(enterpriseId) && b.IsActiveAt(now) && b.Vehicle.MatchesLoosely(plate, color))
                .OrderBy(b => b.ListedAt)
                .ThenBy(b => b.EnterpriseId ?? "", StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    /// <summary>Bookings of this exact plate + colour at this enterprise whose window contains <paramref name="now"/>.
    /// Exact colour: a booking is an allow list.</summary>
    public IReadOnlyList<Booking> ActiveBookings(string enterpriseId, VehicleKey vehicle, DateTimeOffset now) =>
        [.. _bookings.Values.Where(b => b.EnterpriseId == enterpriseId && b.Vehicle == vehicle && b.IsActiveAt(now))];

    private PolicyApplyResult ApplyAddPolicy(AddPolicy add)
    {
        var p = add.Policy;
        if (p.ValidTo <= p.ValidFrom)
            return Unchanged($"管控措施 {p.Id} 的结束时间不晚于开始时间，已拒绝");
        if (string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.EnterpriseId))
            return Unchanged("管控措施缺少编号或企业编号，已拒绝");
        var verb = _policies.ContainsKey(p.Id) ? "已更新" : "已发布";
        return Changed(add, $"{verb}管控措施 {p.Id}：{p.Description}", policies: _policies.SetItem(p.Id, p));
    }

    private PolicyApplyResult ApplyAddBlacklist(AddBlacklistEntry add)
    {
        var entry = add.Entry;
        if (entry.RemovedAt is { } removed && removed <= entry.ListedAt)
            return Unchanged($"黑名单 {entry.Vehicle} 的移出时间不晚于列入时间，已拒绝");
        var text = entry.Vehicle.Plate.Text;
        var existing = _blacklistByPlate.GetValueOrDefault(text) ?? [];
        if (existing.Contains(entry))
            return Unchanged($"黑名单 {entry.Vehicle} 已存在");
        return Changed(add, $"已列入黑名单 {entry.Vehicle}：{entry.Reason}",
            blacklist: _blacklistByPlate.SetItem(text, existing.Add(entry)));
    }

    private PolicyApplyResult ApplyRemoveBlacklist(RemoveBlacklistEntry remove)
    {
        var text = remove.Vehicle.Plate.Text;
        var existing = _blacklistByPlate.GetValueOrDefault(text) ?? [];
        var open = existing.FirstOrDefault(b => b.Vehicle == remove.Vehicle && b.EnterpriseId == remove.EnterpriseId
                                                && b.RemovedAt is null && b.ListedAt < remove.RemovedAt);
        if (open is null)
            return Unchanged($"黑名单中没有在册的 {remove.Vehicle}");
        return Changed(remove, $"已移出黑名单 {remove.Vehicle}",
            blacklist: _blacklistByPlate.SetItem(text, existing.Replace(open, open with { RemovedAt = remove.RemovedAt })));
    }

    private PolicyApplyResult Unchanged(string message) => new(this, false, message);

    private PolicyApplyResult Changed(
        PolicyCommand command,
        string message,
        ImmutableSortedDictionary<string, EmergencyPolicy>? policies = null,
        ImmutableDictionary<string, ImmutableList<BlacklistEntry>>? blacklist = null,
        ImmutableSortedDictionary<string, Booking>? bookings = null,
        ImmutableList<AlertDeclaration>? alerts = null)
    {
        var asOf = AsOf is { } previous && previous > command.IssuedAt ? previous : command.IssuedAt;
        var next = new PolicySet(Version + 1, asOf, policies ?? _policies, blacklist ?? _blacklistByPlate,
            bookings ?? _bookings, alerts ?? _alerts);
        return new PolicyApplyResult(next, true, message);
    }
}
