namespace NtmWorkflow.Web.Infrastructure;

// Every request declares who may send it; the authorization behaviour refuses a request that declares nothing,
// so a new slice cannot be public by accident.

/// <summary>Anyone may send it, signed in or not (the public registry).</summary>
public interface IAnonymousRequest;

/// <summary>Only a signed-in official may send it.</summary>
public interface IAuthenticatedRequest;

/// <summary>A signed-in official may send it only for a dossier inside their unit's subtree.</summary>
public interface IDossierRequest : IAuthenticatedRequest
{
    Guid DossierId { get; }
}

/// <summary>A signed-in official may send it only for an annual plan of a unit inside their unit's subtree.</summary>
public interface IPlanRequest : IAuthenticatedRequest
{
    Guid PlanId { get; }
}

/// <summary>
/// A signed-in official may send it only for a unit inside their unit's subtree (an unknown unit is 404), and, when
/// <see cref="Roles"/> names any, only with one of those roles.
/// </summary>
public interface IUnitRequest : IAuthenticatedRequest
{
    string UnitCode { get; }

    /// <summary>The roles allowed to send it; empty for any official who can see the unit.</summary>
    IReadOnlyList<string> Roles => [];
}

/// <summary>Only a signed-in administrator may send it (users, units, storage checks).</summary>
public interface IAdministratorRequest : IAuthenticatedRequest;

/// <summary>Only the application itself sends it, from a scheduled job: never on behalf of an HTTP caller.</summary>
public interface ISystemRequest;

/// <summary>The request changes data: it runs in one database transaction.</summary>
public interface ICommand;
