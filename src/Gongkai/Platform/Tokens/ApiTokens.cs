using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Tokens;

/// <summary>Creates, lists and revokes personal API tokens; every change is audited.</summary>
public sealed class ApiTokens(GongkaiDb db, AuditLog audit, TimeProvider clock)
{
    public const string TokenPrefix = "gk_";

    public sealed record Created(ApiToken Token, string Secret);

    public async Task<Created> CreateAsync(string userId, string name, int? validDays, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64)
        {
            throw new ValidationFailure("令牌名称不能为空，且不超过64个字符。");
        }

        if (validDays is <= 0 or > 3650)
        {
            throw new ValidationFailure("有效天数应在1到3650之间。");
        }

        var secret = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..10],
            Hash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = validDays is { } d ? now.AddDays(d) : null,
        };
        db.ApiTokens.Add(token);
        audit.Record(PlatformAuditActions.TokenCreate, "ApiToken", token.Id.ToString(), $"为账号创建接口令牌“{name}”（{token.Prefix}…）");
        await db.SaveChangesAsync(ct);
        return new Created(token, secret);
    }

    public Task<List<ApiToken>> ListAsync(string? userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking()
            .Where(t => userId == null || t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(ct);

    /// <summary>Revokes a token of the given user (or of anyone when userId is null); false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(Guid id, string? userId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (userId == null || t.UserId == userId), ct);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Record(PlatformAuditActions.TokenRevoke, "ApiToken", token.Id.ToString(), $"吊销接口令牌“{token.Name}”（{token.Prefix}…）");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    internal static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
