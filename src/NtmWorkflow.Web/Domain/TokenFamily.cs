namespace NtmWorkflow.Web.Domain;

/// <summary>
/// The refresh tokens descended from one API sign-in. Only the newest may be spent: each refresh replaces
/// <see cref="CurrentTokenId"/>, and presenting an older one (a stolen copy, or the thief's after the owner's) revokes the
/// whole family, its access tokens with it — the rotation with reuse detection of the OAuth security best practice.
/// </summary>
public sealed class TokenFamily
{
    private TokenFamily()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public Guid CurrentTokenId { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime? RevokedUtc { get; private set; }

    public static TokenFamily Start(string userId, DateTime now) =>
        new() { Id = Guid.NewGuid(), UserId = userId, CurrentTokenId = Guid.NewGuid(), CreatedUtc = now };
}
