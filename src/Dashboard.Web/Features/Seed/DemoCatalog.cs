namespace Dashboard.Web.Features.Seed;

/// <summary>Believable names, products and conversation lines for the demo stores.</summary>
internal static class DemoCatalog
{
    public static readonly string[] FirstNames =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mateo", "Isabella", "Leo",
        "Amara", "Kenji", "Priya", "Jonas", "Freya", "Omar", "Lena", "Diego", "Hana", "Felix", "Zara", "Arjun",
        "Chloe", "Mason", "Yuki", "Elias", "Nora", "Rafael", "Ingrid", "Tariq", "Maya", "Hugo", "Aisha", "Viktor",
        "Elif", "Samuel", "Greta", "Kofi", "Lucia", "Oskar", "Nadia", "Bruno", "Ines", "Pavel", "Julia", "Ravi",
    ];

    public static readonly string[] LastNames =
    [
        "Fischer", "Nguyen", "Okafor", "Larsen", "Moreau", "Rossi", "Tanaka", "Kowalski", "Silva", "Schmidt",
        "Haddad", "Patel", "Johansson", "Garcia", "Murphy", "Novak", "Kim", "Dubois", "Costa", "Weber",
        "Mensah", "Ivanova", "Brennan", "Yilmaz", "Andersen", "Rahman", "Ferreira", "Ortiz", "Lindqvist", "Sato",
    ];

    public static readonly string[] EmailDomains = ["example.com", "mail.test", "inbox.test", "post.example"];

    public sealed record Product(string Id, string Name, long Price);

    public static readonly Product[] NorthwindProducts =
    [
        new("prd_nwphotonpro01", "Photon Studio Pro — 1 year licence", 8900),
        new("prd_nwcleansweep01", "CleanSweep Utility — lifetime", 2900),
        new("prd_nwvpnshield01", "VPN Shield — 2 devices, 1 year", 4500),
        new("prd_nwcodeforge01", "CodeForge IDE — personal", 12900),
        new("prd_nwbackupbox01", "BackupBox — 500 GB plan", 5900),
        new("prd_nwfontpack001", "Typeface Bundle — commercial use", 1900),
    ];

    public static readonly Product[] ContosoProducts =
    [
        new("prd_cgstarfall001", "Starfall Tactics — Steam key", 2999),
        new("prd_cglanterns001", "Dungeon Lanterns Deluxe", 1999),
        new("prd_cgskyward0001", "Skyward Racer — season pass", 1499),
        new("prd_cgharvest0001", "Harvest Hollow — collector's edition", 3999),
        new("prd_cgsoundtrk001", "Starfall Tactics — soundtrack", 799),
    ];

    /// <summary>A kind of problem, with lines for each turn of the conversation. {product} and {order} are filled in.</summary>
    public sealed record Topic(string Subject, string Opening, string[] MerchantReplies, string[] CustomerFollowUps);

    public static readonly Topic[] Topics =
    [
        new("Licence key not delivered for {order}",
            "Hi, I paid for {product} about an hour ago (order {order}) but the confirmation email has no licence key in it. The payment has left my account. Can you send the key?",
            ["Thanks for reaching out, and sorry for the wait. The key generation for {order} stalled on our side. I have re-issued it: you will find it under \"Licences\" in your order page, and I have also emailed it to you.",
             "I have checked {order}: the key was delivered to the email address on the order. Could you look in your spam folder? If it is not there I will send it again."],
            ["Got it now, thank you! It activated fine.", "Still nothing in my inbox or spam. Could you paste it here instead?", "Thanks. The key arrived but the activation page says it is already in use."]),
        new("Download link for {product} is broken",
            "The download link in my receipt for {product} gives a 404 error. I tried two browsers. Order {order}.",
            ["Sorry about that: the file moved when we shipped the new version. Here is the updated download page; your licence works with it.",
             "I have reset your download limit for {order}. Please try the link again; it is valid for 7 days."],
            ["That worked, downloading now.", "The new link starts but stops at about 80% every time.", "Still getting the 404. Is there a mirror?"]),
        new("Refund request for {order}",
            "I bought {product} by mistake, I already own it under another account. Could I get a refund for {order}? I have not activated the key.",
            ["No problem. I have confirmed the key is unused and started a full refund; it should reach your card in 5–10 business days.",
             "I can offer a refund once the key is revoked. Please confirm you have not activated it on any device and I will process it today."],
            ["Confirmed, never activated. Thanks for the quick help.", "It has been 12 days and I still don't see the refund.", "Thank you!"]),
        new("Activation error 0x80070005 with {product}",
            "When I enter my key for {product} I get \"Activation failed (0x80070005)\". I am on Windows 11. Order {order}.",
            ["That error usually means the installer lacked admin rights. Please right-click and choose \"Run as administrator\", then enter the key again.",
             "Could you send a screenshot of the error and the first characters of the key you are entering? I want to rule out a typo with O and 0."],
            ["Running as administrator fixed it.", "Same error as administrator. Here is what I see: the dialog closes right after I press Activate.", "I've attached a screenshot."]),
        new("Wrong edition received",
            "I ordered the commercial edition of {product} but my licence says \"personal\". Order {order}.",
            ["You are right, the wrong SKU was mapped to your order. I have swapped the licence for the commercial one; the old key is revoked.",
             "Let me check with our licensing team which key was issued for {order}; I will get back to you within a day."],
            ["Perfect, shows commercial now.", "Any news on this?", "Thanks for sorting it out."]),
        new("Charged twice for {order}",
            "My bank shows two charges for {product}, same amount, a minute apart. I only received one order email ({order}).",
            ["I can see a second authorisation on our payment provider that was never captured; it will drop off your statement within a few days. Nothing more will be charged.",
             "I have refunded the duplicate charge. You should see it on your statement in 3–5 business days."],
            ["OK, I'll keep an eye on it.", "The second charge is still there after a week.", "Thanks, I can see the refund pending."]),
        new("Cannot transfer licence to new computer",
            "I replaced my laptop and {product} says the licence is active on another device. How do I move it? Order {order}.",
            ["I have released the activation from your old device. You can activate on the new laptop now.",
             "You can deactivate the old device yourself from the account page under Devices; if the old laptop is gone, tell me and I will release it."],
            ["Activated on the new one, thanks.", "The old laptop is gone, please release it.", "Done, all good."]),
        new("Question about renewal of {product}",
            "Will {product} renew automatically at the end of the year? I'd rather renew manually. Order {order}.",
            ["Your licence does not auto-renew; we send a reminder 14 days before it expires and you can choose then.",
             "Automatic renewal is off for {order}. Nothing will be charged without your confirmation."],
            ["Great, thanks for clarifying.", "OK. Can I get a discount if I renew early?", "Thanks."]),
    ];

    public static readonly string[] EscalationReasons = ["dispute risk", "early-fraud-warning match", "repeated unresolved cases"];
}
