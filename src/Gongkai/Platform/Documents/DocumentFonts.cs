using PdfSharp.Fonts;

namespace Gongkai.Platform.Documents;

/// <summary>
/// The Chinese font embedded in generated PDFs (letters and reports as PDF with an embedded Chinese font).
/// PDFsharp embeds TrueType-outline fonts from a single .ttf; it reads neither font collections (.ttc) nor the CFF
/// outlines of Noto CJK. The application ships AR PL SungtiL GB (文鼎PL简报宋, ARPHIC PUBLIC LICENSE, see
/// Platform/Documents/Fonts/README.md) as an embedded resource, so PDFs print on any machine without a font package.
/// <c>Documents:FontFile</c> names another .ttf instead (one with a larger character set for names with rare
/// characters, when the district licenses one); a configured file that does not exist is a configuration error, said
/// at the first PDF rather than replaced silently by the shipped font.
/// </summary>
public sealed class DocumentFonts
{
    public const string Family = "GongkaiCJK";

    /// <summary>The logical name of the shipped font in the assembly's resources.</summary>
    public const string ShippedResource = "Gongkai.Fonts.gbsn00lp.ttf";

    private static readonly Lock Gate = new();
    private static string? installedFrom;
    private readonly string? licenseKey;

    public DocumentFonts(IConfiguration configuration)
    {
        var configured = configuration["Documents:FontFile"];
        licenseKey = configuration["Documents:PdfSharpLicenseKey"];
        FontFile = string.IsNullOrWhiteSpace(configured) ? null : configured;
    }

    /// <summary>The configured font file, or null when the shipped font is used.</summary>
    public string? FontFile { get; }

    /// <summary>Where the font comes from, for messages: the configured file or the shipped font.</summary>
    public string Source => FontFile ?? ShippedResource;

    /// <summary>The shipped font's bytes.</summary>
    public static byte[] ShippedFont()
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The shipped font {ShippedResource} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Makes the font known to PDFsharp. PDFsharp keeps one resolver per process, set once before the first document;
    /// every instance of this class on a server resolves to the same font.
    /// </summary>
    public void EnsureInstalled()
    {
        if (FontFile is not null && !File.Exists(FontFile))
        {
            throw new ValidationFailure($"配置项 Documents:FontFile 指定的字体文件 {FontFile} 不存在，无法生成PDF。请改正配置，或删去该项以使用随系统提供的字体。");
        }

        lock (Gate)
        {
            if (installedFrom is null)
            {
                // PDFsharp 6.5 must be told its licence before first use: AGPL-3.0 unless a commercial key is configured
                // (see the README's package notes).
                if (string.IsNullOrWhiteSpace(licenseKey))
                {
                    PdfSharp.PdfSharpLicense.SetAgplLicense();
                }
                else
                {
                    PdfSharp.PdfSharpLicense.LoadLicense(licenseKey);
                }

                GlobalFontSettings.FontResolver = new Resolver(FontFile is null ? ShippedFont() : File.ReadAllBytes(FontFile));
                installedFrom = Source;
            }
        }
    }

    private sealed class Resolver(byte[] font) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(Family, isBold, false);

        public byte[]? GetFont(string faceName) => font;
    }
}
