using Dashboard.Domain;

namespace Dashboard.Domain.Tests;

public class MessageBodyRulesTests
{
    [Theory]
    [InlineData("\0")]
    [InlineData("\0\0\0\0")]
    [InlineData("Hello\0world")]
    [InlineData("Bell \a here")]
    [InlineData("Escape \u001b[31m red")]
    [InlineData("Delete \u007f")]
    [InlineData("C1 \u0085 next line")]
    [InlineData("Form\ffeed")]
    public void A_body_with_a_control_character_is_refused_and_the_character_is_named(string body)
    {
        var error = Limits.ValidateBody(body, out _);

        error.ShouldNotBeNull();
        error.ShouldStartWith("Message contains a control character (U+");
        error.ShouldContain("remove it");
    }

    [Fact]
    public void Newlines_and_tabs_are_kept_and_cr_lf_becomes_a_newline()
    {
        Limits.ValidateBody("Line one\r\nLine two\rLine three\n\tIndented", out var text).ShouldBeNull();

        text.ShouldBe("Line one\nLine two\nLine three\n\tIndented");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200B\u200B\u200B")]
    [InlineData("\uFEFF")]
    [InlineData(" \uFEFF\u200B\u200C\u200D\u2060 ")]
    [InlineData("\u00AD\u00AD")]
    [InlineData("\u202E\u202D")]
    [InlineData("\u3164\u3164")]
    [InlineData("\u2800")]
    [InlineData("\uFE0F\u034F")]
    [InlineData("\U000E0041\U000E0042")]
    public void A_body_with_nothing_visible_is_empty(string body) =>
        Limits.ValidateBody(body, out _).ShouldBe("Message cannot be empty");

    [Fact]
    public void Bidi_overrides_embeddings_and_isolates_are_removed_and_marks_kept()
    {
        Limits.ValidateBody("Open invoice\u202Efdp.exe and \u2066\u2067x\u2069\u202A\u202B\u202C\u202D end \u200F\u200E", out var text).ShouldBeNull();

        text.ShouldBe("Open invoicefdp.exe and x end \u200F\u200E");
    }

    [Fact]
    public void Right_to_left_text_is_kept_as_written()
    {
        Limits.ValidateBody("مرحبا، أين مفتاحي؟ שלום", out var text).ShouldBeNull();
        text.ShouldBe("مرحبا، أين مفتاحي؟ שלום");
    }

    [Theory]
    [InlineData("😀", 1)]
    [InlineData("👍🏽", 1)]
    [InlineData("👨‍👩‍👧‍👦", 1)]
    [InlineData("🇩🇪🇫🇷", 2)]
    [InlineData("e\u0301", 1)]
    [InlineData("Hi 👋!", 5)]
    [InlineData("a\nb", 3)]
    public void Length_counts_the_characters_a_person_sees(string text, int expected) =>
        MessageText.VisibleLength(text).ShouldBe(expected);

    [Fact]
    public void Four_thousand_emoji_fit_the_limit_and_one_more_does_not()
    {
        var limit = string.Concat(Enumerable.Repeat("😀", Limits.MessageBodyMax));
        limit.Length.ShouldBe(8000, "two UTF-16 units each: counting units would refuse this at 2,000 emoji");

        Limits.ValidateBody(limit, out _).ShouldBeNull();
        Limits.ValidateBody(limit + "😀", out _).ShouldBe("Message is too long: 4,001 characters, the limit is 4,000");
    }

    [Fact]
    public void Four_thousand_family_emoji_are_refused_for_the_room_they_take_with_a_reason()
    {
        var families = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 2000));
        MessageText.VisibleLength(families).ShouldBe(2000);
        families.Length.ShouldBeGreaterThan(Limits.MessageBodyStorageMax);

        Limits.ValidateBody(families, out _).ShouldNotBeNull().ShouldContain("take more room");
    }

    [Fact]
    public void Stored_text_shown_again_has_controls_replaced_and_bidi_removed() =>
        MessageText.ForDisplay("a\0b\u202Ec\nd\te").ShouldBe("a\uFFFDbc\nd\te");

    [Theory]
    [InlineData("Key\nmissing")]
    [InlineData("Key\0missing")]
    [InlineData("Tab\tinside")]
    public void A_subject_is_one_line_without_control_characters(string subject) =>
        Limits.ValidateSubject(subject, out _).ShouldBe("Subject must be one line without control characters");

    [Fact]
    public void A_subject_loses_its_bidi_overrides()
    {
        Limits.ValidateSubject("  Refund \u202Efor order ", out var subject).ShouldBeNull();
        subject.ShouldBe("Refund for order");
    }
}
