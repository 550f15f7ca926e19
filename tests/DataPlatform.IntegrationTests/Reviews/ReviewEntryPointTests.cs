using System.Net;
using System.Net.Http.Headers;
using DataPlatform.Cli.Hosting;
using DataPlatform.Gate;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Reviews;
using DataPlatform.Tests.Integrity;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Reviews;

/// <summary>The two entry points of the review queue: the CLI (as a process) and the guard booth's HTTP endpoint.</summary>
[Collection(EnginesCollection.Name)]
public sealed class ReviewEntryPointTests(EnginesFixture engines)
{
    private const string Guard = "guard-07";
    private const string GuardToken = "guard-token";

    [Fact]
    public async Task The_cli_and_the_guard_booth_resolve_pending_passages_through_the_audited_ledger()
    {
        await using var platform = TestPlatform.Create(engines);
        CreateTopics(platform);
        var settings = platform.Settings();
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = Guard;
        settings["Ingest:GuardBooth:Operators:0:Name"] = "1号门岗 王五";
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = Enterprise;
        settings["Ingest:GuardBooth:Operators:0:Token"] = GuardToken;
        settings["Ingest:GuardBooth:Operators:1:OperatorId"] = "guard-other";
        settings["Ingest:GuardBooth:Operators:1:EnterpriseId"] = "E9999999";
        settings["Ingest:GuardBooth:Operators:1:Token"] = "other-token";
        using var host = await TestPlatform.StartHostAsync(settings, PlatformRole.Ingest | PlatformRole.Processing);
        using var producer = Producer(platform);

        var t = RecentChinaTime(TimeSpan.FromHours(1));
        await SendAsync(producer, Event("ep-a", "冀B1234S", Direction.In, t, confidence: 0.55));
        await SendAsync(producer, Event("ep-b", "冀B8888D", Direction.In, t.AddSeconds(3), confidence: 0.5));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM review_queue", 2));
        var a = PassageIdentity.For(Enterprise, "G01", "ep-a");
        var b = PassageIdentity.For(Enterprise, "G01", "ep-b");

        var environment = new Dictionary<string, string>
        {
            ["ClickHouse__Endpoint"] = platform.Engines.ClickHouse.Endpoint.ToString(),
            ["ClickHouse__Database"] = platform.Database,
            ["Kafka__BootstrapServers"] = platform.Kafka.BootstrapServers,
        };
        var (listExit, list) = await RunCliAsync(environment, "review", "list");
        Assert.Equal(0, listExit);
        Assert.Contains(a.ToString("D"), list, StringComparison.Ordinal);
        Assert.Contains(b.ToString("D"), list, StringComparison.Ordinal);

        var (approveExit, approved) = await RunCliAsync(environment, "review", "approve", a.ToString("D"), "--operator", "李四", "--action-id", "cli-ep-1");
        Assert.True(approveExit == 0, approved);
        var (badExit, _) = await RunCliAsync(environment, "review", "reject", a.ToString("D"), "--operator", "李四");
        Assert.Equal(2, badExit);

        using var http = new HttpClient();
        var uri = new Uri(TestPlatform.IngestUri(host), GuardBoothReviewEndpoint.Path);
        // The body's operator is not who acted: the credential decides. Naming another operator is refused.
        var correction = new ReviewActionMessage("booth-ep-1", b, ReviewActionKinds.Correct, Guard, DateTimeOffset.Now,
            "现场核对行驶证", "ignored", PlateNo: "冀B88880").ToJson();
        var impersonating = new ReviewActionMessage("booth-ep-2", b, ReviewActionKinds.Correct, "李四", DateTimeOffset.Now,
            "现场核对行驶证", "ignored", PlateNo: "冀B88881").ToJson();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, uri, correction, Guard, "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, uri, impersonating, Guard, GuardToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, uri, "{\"actionId\":\"x\"}"u8.ToArray(), Guard, GuardToken)).StatusCode);
        // An operator of another enterprise is authenticated but may not review this plant's passages.
        var foreign = new ReviewActionMessage("booth-ep-3", b, ReviewActionKinds.Approve, "guard-other", DateTimeOffset.Now, "", "").ToJson();
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, uri, foreign, "guard-other", "other-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, uri, correction, Guard, GuardToken)).StatusCode);

        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM review_actions", 2));
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM review_actions WHERE passage_id = '{a}' AND source = 'cli' AND operator = '李四' AND status_after = 'approved'"));
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM review_actions WHERE passage_id = '{b}' AND source = 'guard-booth:{Guard}' AND operator = '{Guard}' " +
            "AND operator_name = '1号门岗 王五' AND plate_no_after = '冀B88880'"));
        Assert.Equal(0, await platform.ScalarAsync("SELECT count() FROM review_actions WHERE operator = 'guard-other' OR (operator = '李四' AND source != 'cli')"));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM rejected_payloads WHERE reason_code = 'review_refused'", 1));

        // The display name is sealed with the action: the ledger verifies, and renaming who acted afterwards is detected.
        var verifier = host.Services.GetRequiredService<ReviewLedgerVerifier>();
        var intact = await verifier.VerifyAsync(null, null, CancellationToken.None);
        Assert.True(intact.IsIntact, string.Join("\n", intact.Findings));
        await SealedLedger.MutateAsync(platform, "ALTER TABLE review_actions UPDATE operator_name = '李四' WHERE operator = 'guard-07'");
        var renamed = await verifier.VerifyAsync(null, null, CancellationToken.None);
        Assert.Contains(renamed.Findings, f => f.RecordId == ReviewActionWriter.IdFor("booth-ep-1").ToString("D"));
        Assert.Equal(0, await platform.ScalarAsync("SELECT count() FROM review_queue"));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM rejected_payloads WHERE reason_code = 'invalid_review'", 1));
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var process = CliProcess.Start(environment, args);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!process.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(process.HasExited, "the CLI did not finish: " + process.Output);
        await Task.Delay(200); // the redirected output drains
        return (process.ExitCode, process.Output);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri uri, byte[] body, string operatorId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(GuardOperators.OperatorIdHeader, operatorId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
