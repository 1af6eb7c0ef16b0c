namespace Gongkai.Platform;

/// <summary>
/// The user may see the record but not do this to it: 403 with the reason. (A record outside the user's
/// organ scope is not found at all: 404.)
/// </summary>
public sealed class ForbiddenAction(string message) : Exception(message);
