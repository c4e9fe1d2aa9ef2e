namespace Dashboard.Domain.Tests;

/// <summary>The auto-reply text: its limit, its four placeholders, and how they are filled.</summary>
public class AutoReplyTemplateTests
{
    private static readonly AutoReplyValues Values = new("Bea", "NK-10412", "Northwind Keys", "Key missing");

    [Fact]
    public void Every_placeholder_is_filled()
    {
        var text = "Hi {{customer.first_name}}, {{store.name}} got your message about order {{order.number}} (\"{{case.subject}}\").";

        AutoReplyTemplate.Render(text, Values).ShouldBe("Hi Bea, Northwind Keys got your message about order NK-10412 (\"Key missing\").");
    }

    [Fact]
    public void Spaces_inside_the_braces_are_allowed() =>
        AutoReplyTemplate.Render("Hi {{ customer.first_name }}", Values).ShouldBe("Hi Bea");

    [Theory]
    [InlineData("Hi {{customer.name}}", "Unknown placeholder {{customer.name}}. You can use: {{customer.first_name}}, {{order.number}}, {{store.name}}, {{case.subject}}")]
    [InlineData("{{Store.Name}} and {{order.id}}", "Unknown placeholders {{Store.Name}}, {{order.id}}. You can use: {{customer.first_name}}, {{order.number}}, {{store.name}}, {{case.subject}}")]
    [InlineData("Hi {{customer.first_name", "A placeholder is not closed with }}. You can use: {{customer.first_name}}, {{order.number}}, {{store.name}}, {{case.subject}}")]
    public void Placeholders_that_do_not_exist_are_refused_with_the_list_of_valid_ones(string text, string error) =>
        AutoReplyTemplate.Validate(text, enabled: true).ShouldBe(error);

    [Fact]
    public void The_text_may_be_2000_characters_and_no_more()
    {
        AutoReplyTemplate.Validate(new string('a', 2000), enabled: true).ShouldBeNull();
        AutoReplyTemplate.Validate(new string('a', 2001), enabled: true).ShouldBe("The auto-reply is too long: 2,001 characters, the limit is 2,000");
    }

    [Fact]
    public void An_empty_text_is_refused_only_when_the_auto_reply_is_on()
    {
        AutoReplyTemplate.Validate("   ", enabled: true).ShouldBe("Write the auto-reply text, or turn the auto-reply off");
        AutoReplyTemplate.Validate("", enabled: false).ShouldBeNull();
    }

    [Fact]
    public void A_customer_without_a_first_name_is_greeted_by_the_name_the_timeline_shows() =>
        AutoReplyValues.FirstNameOf(null, "guest@example.com").ShouldBe("guest@example.com");

    [Fact]
    public void A_rendered_reply_never_exceeds_the_message_limit()
    {
        var text = string.Concat(Enumerable.Repeat("{{case.subject}}", 125));

        AutoReplyTemplate.Render(text, Values with { CaseSubject = new string('s', 200) }).Length.ShouldBe(Limits.MessageBodyMax);
    }
}
