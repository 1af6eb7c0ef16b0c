using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Gongkai.Platform.Keys;

/// <summary>
/// Wraps each data-protection key's secret under the current master key before it is stored in the database:
/// <c>&lt;wrappedKey xmlns="urn:gongkai:keys" algorithm="AES-256-GCM" kek="1a2b3c4d"&gt;base64&lt;/wrappedKey&gt;</c>.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKeys keys, IKeyWrap wrap) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var kek = keys.Current();
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(MasterKeyXml.Wrapped,
            new XAttribute("algorithm", wrap.Algorithm),
            new XAttribute("kek", kek.Id),
            Convert.ToBase64String(wrap.Wrap(kek.Bytes, plain, MasterKeyXml.AssociatedData(wrap.Algorithm, kek.Id))));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Unwraps what <see cref="MasterKeyXmlEncryptor"/> wrapped, with whichever configured master key wrapped it.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetService(typeof(MasterKeys)) as MasterKeys
            ?? throw new CryptographicException("No master key (GONGKAI_MASTER_KEY or Keys:MasterKeyFile) is configured to unwrap this key.");
        return MasterKeyXml.Unwrap(encryptedElement, keys.Load());
    }
}

public static class MasterKeyXml
{
    public static readonly XName Wrapped = XName.Get("wrappedKey", "urn:gongkai:keys");

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    public static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    public static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";

    private static readonly Dictionary<string, IKeyWrap> Algorithms = new[] { new AesGcmKeyWrap() }.ToDictionary(w => w.Algorithm, IKeyWrap (w) => w);

    public static byte[] AssociatedData(string algorithm, string kekId) => Encoding.UTF8.GetBytes($"Gongkai.KeyRing.v1|{algorithm}|{kekId}");

    public static XElement Unwrap(XElement wrapped, IReadOnlyList<MasterKey> keys)
    {
        var algorithm = (string?)wrapped.Attribute("algorithm") ?? "";
        var kekId = (string?)wrapped.Attribute("kek") ?? "";
        var wrap = Algorithms.GetValueOrDefault(algorithm) ?? throw new CryptographicException($"Unknown key-wrap algorithm '{algorithm}'.");
        var kek = keys.FirstOrDefault(k => k.Id == kekId)
            ?? throw new CryptographicException($"This key is wrapped under master key {kekId}, which is not configured (configured: {string.Join(", ", keys.Select(k => k.Id))}).");
        var plain = wrap.Unwrap(kek.Bytes, Convert.FromBase64String(wrapped.Value), AssociatedData(algorithm, kekId));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }

    /// <summary>The master key id a stored key's XML is wrapped under, "" when its secret is stored in the clear.</summary>
    public static IEnumerable<string> WrappedUnder(XElement key) =>
        key.Descendants(Wrapped).Select(w => (string?)w.Attribute("kek") ?? "").Concat(
            key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).Select(_ => ""));
}
