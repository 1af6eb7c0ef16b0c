using PdfSharp.Fonts;

namespace Gongkai.Platform.Documents;

/// <summary>
/// The Chinese font embedded in generated PDFs (DESIGN §6: letters and reports as PDF with embedded Chinese fonts).
/// PDFsharp embeds TrueType-outline fonts from a single .ttf; it reads neither font collections (.ttc) nor the CFF
/// outlines of Noto CJK. The default is AR PL SungtiL GB (文鼎PL简报宋, Debian fonts-arphic-gbsn00lp, installed by
/// test.sh): a 宋体 with Latin letters, digits and the GB 2312 characters. <c>Documents:FontFile</c> names another .ttf
/// (one with a larger character set for names with rare characters, when the district licenses one).
/// </summary>
public sealed class DocumentFonts
{
    public const string Family = "GongkaiCJK";

    public static readonly string[] DefaultCandidates =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    ];

    private static readonly Lock Gate = new();
    private static string? installedPath;
    private readonly string? licenseKey;

    public DocumentFonts(IConfiguration configuration)
    {
        var configured = configuration["Documents:FontFile"];
        licenseKey = configuration["Documents:PdfSharpLicenseKey"];
        FontFile = !string.IsNullOrWhiteSpace(configured) ? configured : DefaultCandidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The font file found, or null when the server has none (letters then cannot be printed).</summary>
    public string? FontFile { get; }

    /// <summary>
    /// Makes the font known to PDFsharp. PDFsharp keeps one resolver per process, set once before the first document;
    /// every instance of this class on a server resolves to the same file.
    /// </summary>
    public void EnsureInstalled()
    {
        var path = FontFile is not null && File.Exists(FontFile)
            ? FontFile
            : throw new ValidationFailure("服务器上没有可嵌入的中文字体，无法生成PDF。请安装 fonts-arphic-gbsn00lp，或在配置项 Documents:FontFile 中指定一个 .ttf 字体文件。");
        lock (Gate)
        {
            if (installedPath is null)
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

                GlobalFontSettings.FontResolver = new Resolver(File.ReadAllBytes(path));
                installedPath = path;
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
