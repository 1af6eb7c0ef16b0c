using System.Security.Cryptography;

namespace Gongkai.Platform.Keys;

/// <summary>
/// An authenticated cipher that wraps a key's XML under a master key. The algorithm's name is stored beside each
/// wrapped key, so another one (e.g. SM4-GCM for 密评, a hardware module) can be added and read alongside.
/// </summary>
public interface IKeyWrap
{
    string Algorithm { get; }

    byte[] Wrap(byte[] kek, byte[] plaintext, byte[] associatedData);

    byte[] Unwrap(byte[] kek, byte[] wrapped, byte[] associatedData);
}

/// <summary>AES-256-GCM: 12-byte random nonce ‖ ciphertext ‖ 16-byte tag.</summary>
public sealed class AesGcmKeyWrap : IKeyWrap
{
    public string Algorithm => "AES-256-GCM";

    public byte[] Wrap(byte[] kek, byte[] plaintext, byte[] associatedData)
    {
        var result = new byte[12 + plaintext.Length + 16];
        var nonce = result.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(kek, 16);
        aes.Encrypt(nonce, plaintext, result.AsSpan(12, plaintext.Length), result.AsSpan(12 + plaintext.Length), associatedData);
        return result;
    }

    public byte[] Unwrap(byte[] kek, byte[] wrapped, byte[] associatedData)
    {
        if (wrapped.Length < 28)
        {
            throw new CryptographicException("wrapped key too short");
        }

        var plaintext = new byte[wrapped.Length - 28];
        using var aes = new AesGcm(kek, 16);
        aes.Decrypt(wrapped.AsSpan(0, 12), wrapped.AsSpan(12, plaintext.Length), wrapped.AsSpan(12 + plaintext.Length), plaintext, associatedData);
        return plaintext;
    }
}
