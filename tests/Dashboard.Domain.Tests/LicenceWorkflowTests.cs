using Dashboard.Domain;
using static Dashboard.Domain.LicenceWorkflow.Messages;

namespace Dashboard.Domain.Tests;

/// <summary>Every (from, to) pair of the licence statuses, and who may do what to which key.</summary>
public class LicenceWorkflowTests
{
    private static readonly HashSet<(LicenseStatus, LicenseStatus)> Allowed =
    [
        (LicenseStatus.Available, LicenseStatus.Claimed),
        (LicenseStatus.Available, LicenseStatus.Revoked),
        (LicenseStatus.Claimed, LicenseStatus.Revoked),
    ];

    [Fact]
    public void Keys_only_move_forward_available_to_claimed_to_revoked()
    {
        foreach (var from in Enum.GetValues<LicenseStatus>())
        foreach (var to in Enum.GetValues<LicenseStatus>())
            LicenceWorkflow.CanBecome(from, to).ShouldBe(Allowed.Contains((from, to)), $"{from} -> {to}");
    }

    [Theory]
    [InlineData(LicenseStatus.Claimed, LicenseStatus.Available)]
    [InlineData(LicenseStatus.Revoked, LicenseStatus.Claimed)]
    [InlineData(LicenseStatus.Revoked, LicenseStatus.Available)]
    public void A_key_never_goes_back(LicenseStatus from, LicenseStatus to) => LicenceWorkflow.CanBecome(from, to).ShouldBeFalse();

    [Theory]
    [InlineData(StoreRole.Owner)]
    [InlineData(StoreRole.Agent)]
    public void Owners_and_agents_replace_and_revoke_working_keys_by_default(StoreRole role)
    {
        foreach (var status in new[] { LicenseStatus.Available, LicenseStatus.Claimed })
        {
            LicenceWorkflow.Refusal(LicenceAction.Replace, status, role, replaceOwnersOnly: false).ShouldBeNull();
            LicenceWorkflow.Refusal(LicenceAction.Revoke, status, role, replaceOwnersOnly: false).ShouldBeNull();
        }
    }

    [Fact]
    public void When_the_owner_restricts_replacements_an_agent_is_refused_and_the_owner_is_not()
    {
        LicenceWorkflow.Refusal(LicenceAction.Replace, LicenseStatus.Claimed, StoreRole.Agent, replaceOwnersOnly: true).ShouldBe(OwnersOnlyReplace);
        LicenceWorkflow.Refusal(LicenceAction.Replace, LicenseStatus.Claimed, StoreRole.Owner, replaceOwnersOnly: true).ShouldBeNull();
    }

    [Fact]
    public void The_restriction_covers_replacements_only()
    {
        LicenceWorkflow.Refusal(LicenceAction.Revoke, LicenseStatus.Claimed, StoreRole.Agent, replaceOwnersOnly: true).ShouldBeNull();
        LicenceWorkflow.Refusal(LicenceAction.ResendDelivery, LicenseStatus.Claimed, StoreRole.Agent, replaceOwnersOnly: true).ShouldBeNull();
    }

    [Fact]
    public void Revoking_a_revoked_key_is_refused()
    {
        LicenceWorkflow.Refusal(LicenceAction.Revoke, LicenseStatus.Revoked, StoreRole.Owner, false).ShouldBe(AlreadyRevoked);
    }

    [Fact]
    public void Revoking_an_expired_key_is_refused_and_replacing_it_is_allowed()
    {
        LicenceWorkflow.Refusal(LicenceAction.Revoke, LicenseStatus.Expired, StoreRole.Owner, false).ShouldBe(ExpiredCannotBeRevoked);
        LicenceWorkflow.Refusal(LicenceAction.Replace, LicenseStatus.Expired, StoreRole.Agent, false).ShouldBeNull();
    }

    [Fact]
    public void A_revoked_key_cannot_be_replaced()
    {
        LicenceWorkflow.Refusal(LicenceAction.Replace, LicenseStatus.Revoked, StoreRole.Owner, false).ShouldBe(RevokedCannotBeReplaced);
    }

    [Fact]
    public void The_empty_pool_message_names_the_product() =>
        PoolEmpty("Aurora Photo Suite").ShouldBe("No available keys left for Aurora Photo Suite. Add keys to its pool, then try again.");

    [Theory]
    [InlineData("39V76-QWERT-ZXCVB", "39V76-…")]
    [InlineData("ABCDEFGHIJKLMNOP", "ABCDE…")]
    [InlineData("AB", "AB…")]
    public void Keys_are_shortened_to_their_first_group(string key, string shown) => LicenceWorkflow.Shorten(key).ShouldBe(shown);

    [Fact]
    public void Only_available_and_claimed_keys_work() =>
        Enum.GetValues<LicenseStatus>().Where(LicenceWorkflow.IsWorking).ShouldBe([LicenseStatus.Available, LicenseStatus.Claimed]);
}
