using DataPlatform.Ledger.Retention;

namespace DataPlatform.Analytics.IntegrationTests.Analyst;

/// <summary>Issue 12 item 7: retention below the legal 24 months is refused with the setting named; keep is the default.</summary>
public sealed class RetentionSettingsTests
{
    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string family, FamilyRetention retention) =>
        new LedgerRetentionValidation().Validate(null, new LedgerRetentionOptions { Families = { [family] = retention } });

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(23)]
    public void Deleting_before_24_months_is_refused_naming_the_setting(int months)
    {
        var result = Validate("passages", new FamilyRetention { Months = months });

        Assert.True(result.Failed);
        Assert.Contains("Ledger:Retention:Families:passages", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("24", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_four_months_or_moving_old_partitions_earlier_is_accepted()
    {
        Assert.True(Validate("trips", new FamilyRetention { Months = 24 }).Succeeded);
        Assert.True(Validate("trips", new FamilyRetention { Months = 6, MoveToVolume = "cold" }).Succeeded);
        Assert.True(Validate("nonsense", new FamilyRetention { Months = 36 }).Failed);
    }

    [Fact]
    public void No_setting_keeps_rows_and_a_setting_becomes_a_ttl_clause()
    {
        var passages = RetentionFamilies.All["passages"][0];

        Assert.Null(RetentionFamilies.TtlClause(passages, null));
        Assert.Equal("pass_time + INTERVAL 36 MONTH", RetentionFamilies.TtlClause(passages, new FamilyRetention { Months = 36 }));
        Assert.Equal("pass_time + INTERVAL 24 MONTH TO VOLUME 'cold'",
            RetentionFamilies.TtlClause(passages, new FamilyRetention { Months = 24, MoveToVolume = "cold" }));
    }
}
