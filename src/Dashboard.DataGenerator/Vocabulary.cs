namespace Dashboard.DataGenerator;

/// <summary>Names, products and conversation lines. None of them contains <see cref="SearchWord"/>.</summary>
internal static class Vocabulary
{
    /// <summary>
    /// The benchmark's search word: it appears in the subject or one message of about 1% of cases,
    /// and nowhere else.
    /// </summary>
    public const string SearchWord = "chargeback";
    public const double SearchWordShare = 0.01;

    public static readonly string[] FirstNames =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mateo", "Isabella", "Leo",
        "Amara", "Kenji", "Priya", "Jonas", "Freya", "Omar", "Lena", "Diego", "Hana", "Felix", "Zara", "Arjun",
        "Chloe", "Mason", "Yuki", "Elias", "Nora", "Rafael", "Ingrid", "Tariq", "Maya", "Hugo", "Aisha", "Viktor",
        "Elif", "Samuel", "Greta", "Kofi", "Lucia", "Oskar", "Nadia", "Bruno", "Ines", "Pavel", "Julia", "Ravi",
        "Sienna", "Mohammed", "Astrid", "Tomás", "Chiara", "Dmitri", "Fatima", "Henrik", "Leila", "Marco",
    ];

    public static readonly string[] LastNames =
    [
        "Fischer", "Nguyen", "Okafor", "Larsen", "Moreau", "Rossi", "Tanaka", "Kowalski", "Silva", "Schmidt",
        "Haddad", "Patel", "Johansson", "Garcia", "Murphy", "Novak", "Kim", "Dubois", "Costa", "Weber",
        "Mensah", "Ivanova", "Brennan", "Yilmaz", "Andersen", "Rahman", "Ferreira", "Ortiz", "Lindqvist", "Sato",
        "Baker", "Horvath", "Jensen", "Kaur", "Lopez", "Müller", "O'Brien", "Popescu", "Quinn", "Reyes",
    ];

    public static readonly string[] EmailDomains = ["example.com", "mail.test", "inbox.test", "post.example", "web.example"];

    public static readonly string[] StoreWords =
    [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Woodgrove", "Litware", "Adatum", "Proseware", "Wingtip",
        "Fourth Coffee", "Lucerne", "Margie's", "Trey", "Alpine", "Bellows", "Coho", "Graphic Design", "Humongous",
        "Relecloud", "Southridge", "Blue Yonder", "Wide World", "Lamna", "Munson", "Nod", "Olympia",
    ];

    public static readonly string[] StoreKinds = ["Software", "Games", "Fonts", "Plugins", "Courses", "Audio", "Icons", "Tools"];

    public static readonly string[] ProductNames =
    [
        "Photon Studio Pro", "CleanSweep Utility", "VPN Shield", "CodeForge IDE", "BackupBox", "Typeface Bundle",
        "Starfall Tactics", "Dungeon Lanterns", "Skyward Racer", "Harvest Hollow", "Pixel Brush Set", "Beat Maker",
        "Invoice Pilot", "Markdown Studio", "Sprite Forge", "Sound Palette", "Icon Atlas", "Vector Garden",
        "Tax Helper", "Budget Buddy", "Focus Timer", "Screen Recorder Plus", "Mail Merge Kit", "Lightroom Presets",
        "Guitar Course", "Python Course", "Photo Restore", "Disk Doctor", "Password Vault", "Cloud Sync",
    ];

    public static readonly string[] Editions = ["personal", "commercial", "1 year", "lifetime", "2 devices", "team of 5", "deluxe", "standard"];

    public static readonly string[] Gateways = ["stripe", "paypal", "adyen", "braintree"];

    public static readonly string[] Countries = ["US", "GB", "DE", "FR", "NL", "SE", "ES", "IT", "CA", "AU", "JP", "BR", "PL", "IN"];

    public static readonly string[] Cities = ["Springfield", "Riverton", "Lakeside", "Fairview", "Brookfield", "Oakdale", "Hillcrest", "Milton"];

    public static readonly string[] Subjects =
    [
        "Licence key not delivered for {order}", "Download link for {product} is broken", "Refund request for {order}",
        "Activation limit reached on {product}", "Charged twice for {order}", "Wrong edition of {product}",
        "Cannot install {product} on my new laptop", "Invoice needed for {order}", "Upgrade price for {product}",
        "Key says already in use", "{product} crashes on start", "Transfer licence to a new computer",
        "Discount code did not apply", "Change the email on my account", "Where is my download?",
        "Missing bonus content for {product}", "Payment failed but money was taken", "VAT number missing on invoice",
        "Question about {product} updates", "Licence expired too early",
    ];

    public static readonly string[] Openings =
    [
        "Hi, I paid for {product} (order {order}) but the confirmation email has no licence key in it.",
        "The download link in my receipt for {product} gives an error page. I tried two browsers.",
        "I bought {product} by mistake, I already own it under another account. Could I get a refund?",
        "The activation server says my key for {product} has reached its limit, but I only use one computer.",
        "My card statement shows two payments for order {order}. Please refund the duplicate.",
        "I selected the commercial edition but received a personal key for {product}.",
        "The installer for {product} stops halfway with an unknown error on my new laptop.",
        "Could you send me a proper invoice for order {order} with my company address?",
        "Is there an upgrade discount for {product} if I own the previous version?",
        "When I enter the key it says it is already in use. I have never used it before.",
        "Hello, {product} closes right after the splash screen since yesterday's update.",
        "I replaced my computer and need to move my {product} licence over. How do I do that?",
    ];

    public static readonly string[] MerchantLines =
    [
        "Thanks for reaching out, and sorry for the wait.", "I have re-issued the key for {order}; it is on your order page now.",
        "Could you send a screenshot of the error message?", "I have reset your activation count, please try again.",
        "The refund for {order} is on its way; it takes 3 to 5 business days to show up.",
        "I have attached an updated installer for {product}.", "Please check your spam folder for our email.",
        "Your invoice is attached with the company address you gave us.", "We have released a fix in version 4.2, please update.",
        "I have deactivated the old computer so you can activate the new one.", "Let me check this with our developers and get back to you.",
        "Happy to help with that.", "Let us know if anything else comes up.", "Sorry for the trouble this caused.",
    ];

    public static readonly string[] CustomerLines =
    [
        "Thank you, that worked!", "Still the same problem, unfortunately.", "Here is the screenshot you asked for.",
        "Any news on this?", "I tried again this morning and it still fails.", "Great, the new key activated fine.",
        "I cannot find the email, could you paste the key here?", "The new link works, thanks a lot.",
        "Is there a phone number I can call?", "It has been three days without an answer.", "All good now, you can close this.",
        "My operating system is fully up to date.", "I used the same email address as on the order.",
    ];

    public static readonly string[] SearchLines =
    [
        "If this is not sorted out today I will file a chargeback with my bank.",
        "My bank suggested a chargeback, but I would rather solve it with you.",
        "We received a chargeback notice for this order, can you confirm what happened?",
    ];

    public static readonly string[] EscalationReasons =
    [
        "dispute risk on the payment", "early fraud warning on the card", "repeated unresolved cases from this customer",
    ];
}
