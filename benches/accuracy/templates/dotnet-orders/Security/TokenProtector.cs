using System;
using System.Security.Cryptography;
using System.Text;

namespace Acme.Orders.Security;

public static class TokenProtector
{
    private static readonly byte[] Key = Convert.FromBase64String("«b64:32»"); ⟦+token⟧
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("«hex:32»"); ⟦+token⟧
    public const string Algorithm = "AES-256-CBC"; ⟦-⟧
    public const string SignatureAlgorithm = "HmacSHA256"; ⟦-⟧

    public static string Protect(string plain)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        aes.GenerateIV();
        using var enc = aes.CreateEncryptor();
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = enc.TransformFinalBlock(data, 0, data.Length);
        var output = new byte[aes.IV.Length + cipher.Length];
        Buffer.BlockCopy(aes.IV, 0, output, 0, aes.IV.Length);
        Buffer.BlockCopy(cipher, 0, output, aes.IV.Length, cipher.Length);
        return Convert.ToBase64String(output);
    }

    public static string HashPassword(string password) ⟦-⟧
    {
        using var kdf = new Rfc2898DeriveBytes(password, Salt, 310_000, HashAlgorithmName.SHA256); ⟦-⟧
        return Convert.ToBase64String(kdf.GetBytes(32));
    }
}
