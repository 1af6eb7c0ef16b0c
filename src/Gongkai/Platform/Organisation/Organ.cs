using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Organisation;

/// <summary>Kinds of organ (机关) in a district.</summary>
public enum OrganKind
{
    /// <summary>区人民政府</summary>
    DistrictGovernment = 0,
    /// <summary>委办局 and other government departments</summary>
    Department = 1,
    /// <summary>街道办事处</summary>
    StreetOffice = 2,
    /// <summary>事业单位、管委会 and similar bodies</summary>
    Institution = 3,
    Other = 9,
}

/// <summary>
/// An organ (机关/单位) of the district: the government itself, a 委办局 or a 街道办事处.
/// Its <see cref="Code"/> is the organisation code used later in 索引号.
/// </summary>
public sealed class Organ : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string ShortName { get; set; }
    public required string FullName { get; set; }
    /// <summary>
    /// The official English name, optional (issue 16, the English version): the /en/ pages show it, and the Chinese full
    /// name marked lang="zh-CN" where there is none (<see cref="OrganNames"/>).
    /// </summary>
    public string? EnglishName { get; set; }
    public OrganKind Kind { get; set; }
    public Guid? ParentId { get; set; }
    public Organ? Parent { get; set; }
    /// <summary>Whether it receives 依申请公开 requests (Regulation Art. 27).</summary>
    public bool ReceivesRequests { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<OrganAlias> Aliases { get; set; } = [];

    public IEnumerable<string> AllNames() => new[] { ShortName, FullName }.Concat(Aliases.Select(a => a.Name));
}

/// <summary>Another name of an organ (e.g. 区发改委 for 区发展和改革委员会).</summary>
public sealed class OrganAlias
{
    public long Id { get; set; }
    public Guid OrganId { get; set; }
    public required string Name { get; set; }
}

internal sealed class OrganConfiguration : IEntityTypeConfiguration<Organ>
{
    public void Configure(EntityTypeBuilder<Organ> b)
    {
        b.ToTable("organs");
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.ShortName).HasMaxLength(64);
        b.Property(o => o.FullName).HasMaxLength(128);
        b.Property(o => o.EnglishName).HasMaxLength(200);
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.ShortName).IsUnique();
        b.HasIndex(o => o.FullName).IsUnique();
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Aliases).WithOne().HasForeignKey(a => a.OrganId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganAliasConfiguration : IEntityTypeConfiguration<OrganAlias>
{
    public void Configure(EntityTypeBuilder<OrganAlias> b)
    {
        b.ToTable("organ_aliases");
        b.Property(a => a.Name).HasMaxLength(128);
        b.HasIndex(a => a.Name).IsUnique();
    }
}
