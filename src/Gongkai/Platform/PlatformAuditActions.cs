using Gongkai.Platform.Audit;

namespace Gongkai.Platform;

/// <summary>The platform's audit events (docs/ARCHITECTURE.md §The audit rule). Names are stored: never change one.</summary>
public static class PlatformAuditActions
{
    public static readonly AuditAction OrganCreate = new("organ.create", "新增机构");
    public static readonly AuditAction OrganUpdate = new("organ.update", "修改机构");
    public static readonly AuditAction OrganImport = new("organ.import", "载入演示机构数据");

    public static readonly AuditAction StaffCreate = new("staff.create", "新建账号");
    public static readonly AuditAction StaffRoles = new("staff.roles", "调整账号角色");
    public static readonly AuditAction StaffUpdate = new("staff.update", "修改账号信息");
    public static readonly AuditAction StaffDisable = new("staff.disable", "停用账号");
    public static readonly AuditAction StaffEnable = new("staff.enable", "启用账号");
    public static readonly AuditAction StaffUnlock = new("staff.unlock", "解除账号锁定");
    public static readonly AuditAction StaffPasswordReset = new("staff.password.reset", "重置账号密码");
    public static readonly AuditAction StaffPasswordChange = new("staff.password.change", "修改本人密码");
    public static readonly AuditAction StaffTwoFactorEnable = new("staff.2fa.enable", "启用两步验证");
    public static readonly AuditAction StaffTwoFactorDisable = new("staff.2fa.disable", "停用两步验证");
    public static readonly AuditAction StaffSignIn = new("staff.signin", "登录", AuditKind.Access);
    public static readonly AuditAction StaffSignInRefused = new("staff.signin.refused", "拒绝停用账号登录", AuditKind.Access);
    public static readonly AuditAction StaffSignInThrottled = new("staff.signin.throttled", "连续登录失败，限制尝试", AuditKind.Access);
    public static readonly AuditAction StaffSignOut = new("staff.signout", "退出登录");

    public static readonly AuditAction TokenCreate = new("token.create", "创建接口令牌");
    public static readonly AuditAction TokenRevoke = new("token.revoke", "吊销接口令牌");

    public static readonly AuditAction CalendarYearLoad = new("calendar.year.load", "载入年度节假日安排");
    public static readonly AuditAction CalendarLocalAdd = new("calendar.local.add", "本地调整放假或上班");
    public static readonly AuditAction CalendarLocalRemove = new("calendar.local.remove", "删除本地调整");

    public static readonly AuditAction KeysRotateMaster = new("keys.rotate.master", "更换主密钥");
    public static readonly AuditAction KeysRotateData = new("keys.rotate.data", "更换数据保护密钥");
    public static readonly AuditAction KeysWrap = new("keys.wrap", "数据保护密钥改由主密钥加密保存");

    public static readonly AuditAction SiteErrorReceive = new("siteerror.receive", "收到网站找错留言");
    public static readonly AuditAction SiteErrorAnswer = new("siteerror.answer", "答复并办结网站找错留言");

    /// <summary>Any module's search index rebuilt (the target type says whose).</summary>
    public static readonly AuditAction SearchReindex = new("search.reindex", "重建检索索引");
}
