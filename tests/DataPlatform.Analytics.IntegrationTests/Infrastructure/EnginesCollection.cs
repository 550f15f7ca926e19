using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Analytics.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class EnginesCollection : ICollectionFixture<EnginesFixture>
{
    public const string Name = "engines";
}
