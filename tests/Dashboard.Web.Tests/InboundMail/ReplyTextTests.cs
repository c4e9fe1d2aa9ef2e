using Dashboard.Web.Features.InboundMail;
using MimeKit;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>What is kept of an emailed reply: the customer's own words, without history or signature.</summary>
public class ReplyTextTests
{
    [Fact]
    public void Outlook_original_message_block_is_removed()
    {
        var text = "Thanks, that worked.\n\n-----Original Message-----\nFrom: Northwind Keys <no-reply@pandabase.example>\nSent: Monday, November 23, 2026 10:15 AM\n\nHi Theo,";
        ReplyText.StripQuoted(text).ShouldBe("Thanks, that worked.");
    }

    [Fact]
    public void Outlook_header_block_without_a_rule_is_removed()
    {
        var text = "Still broken.\n\nFrom: Northwind Keys <no-reply@pandabase.example>\nDate: Monday, 23 November 2026 at 10:15\nTo: Theo <theo@outlook.com>\nSubject: Re: Key\n\nHi Theo,";
        ReplyText.StripQuoted(text).ShouldBe("Still broken.");
    }

    [Fact]
    public void A_line_starting_with_from_in_the_customers_own_words_is_kept()
    {
        var text = "From: my point of view the key is fine.\nIt just does not activate.";
        ReplyText.StripQuoted(text).ShouldBe(text);
    }

    [Fact]
    public void Apple_mail_attribution_on_its_own_line_is_removed()
    {
        var text = "Refund please.\n\nOn 23 Nov 2026, at 10:15, Contoso Games <reply+abc@reply.test> wrote:\n\nHi Mara,\nWe can refund it.";
        ReplyText.StripQuoted(text).ShouldBe("Refund please.");
    }

    [Theory]
    [InlineData("Le lun. 23 nov. 2026 à 10:15, Northwind Keys <reply@reply.test> a écrit :")]
    [InlineData("Am Mo., 23. Nov. 2026 um 10:15 Uhr schrieb Northwind Keys <reply@reply.test>:")]
    [InlineData("El lun, 23 nov 2026 a las 10:15, Northwind Keys (<reply@reply.test>) escribió:")]
    public void Gmail_attributions_in_other_languages_are_removed(string attribution)
    {
        ReplyText.StripQuoted($"Merci !\n\n{attribution}\n\n> Bonjour").ShouldBe("Merci !");
    }

    [Fact]
    public void Quoted_lines_between_answers_are_dropped_and_the_answers_kept()
    {
        var text = "> Which launcher do you use?\nSteam.\n> And the region?\nEU.";
        ReplyText.StripQuoted(text).ShouldBe("Steam.\nEU.");
    }

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Sent from my Galaxy")]
    [InlineData("Get Outlook for iOS<https://aka.ms/o0ukef>")]
    [InlineData("Sent from Outlook for Android")]
    public void A_device_signature_at_the_end_is_removed(string signature)
    {
        ReplyText.StripQuoted($"Got it, thanks!\n\n{signature}\n").ShouldBe("Got it, thanks!");
    }

    [Fact]
    public void The_signature_separator_cuts_the_signature()
    {
        ReplyText.StripQuoted("Works now.\n\n-- \nBea Buyer\nBuyer & Co").ShouldBe("Works now.");
    }

    [Fact]
    public void A_plain_reply_is_kept_whole_with_paragraphs_and_no_more_than_one_blank_line()
    {
        ReplyText.StripQuoted("\n\nFirst line.\nSecond line.\n\n\n\nNew paragraph.  \n\n").ShouldBe("First line.\nSecond line.\n\nNew paragraph.");
    }

    [Fact]
    public void Format_flowed_text_is_unwrapped()
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = "This is one long line that the client \r\nwrapped with a trailing space.\r\n\r\n> On Monday, Shop <x@shop.test> wrote:\r\n> quoted\r\n" } };
        ((TextPart)message.Body).ContentType.Format = "flowed";

        ReplyText.Extract(message).ShouldBe("This is one long line that the client wrapped with a trailing space.");
    }

    [Fact]
    public void Html_is_read_as_text_never_as_markup()
    {
        var html = "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Line one &amp; <b>bold</b></p><p>Line&nbsp;two</p><ul><li>first</li><li>second</li></ul></body></html>";
        HtmlText.ToText(html).ShouldBe("Line one & bold\nLine two\n- first\n- second");
    }
}
