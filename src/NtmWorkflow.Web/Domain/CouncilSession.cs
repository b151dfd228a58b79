using System.Text;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One meeting of a province's appraisal council: its members, who came, the dossiers it considered with each one's
/// vote, and its minutes. While open it is edited step by step; concluding moves every dossier by its vote in one
/// transaction (Features/Councils/ConcludeCouncilSession), after which the session is read-only.
/// </summary>
public sealed class CouncilSession
{
    public const string Open = "open";
    public const string Concluded = "concluded";
    public const int MaxMembers = 100;

    private readonly List<CouncilMember> members = [];
    private readonly List<CouncilSessionDossier> dossiers = [];

    private CouncilSession()
    {
    }

    public CouncilSession(AdministrativeUnit province, CouncilDetails details, Actor actor, DateTime now)
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero));
        UnitCode = province.Code;
        Status = Open;
        CreatedBy = actor.UserName;
        CreatedAt = now;
        Apply(details);
        Touch(actor, now);
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// The province whose council met; it considers only that province's dossiers. Its path is read from the unit, not
    /// copied here, so a reorganisation that moves units leaves nothing to update.
    /// </summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>The meeting's reference number, when it has one (e.g. 03/HĐTĐ).</summary>
    public string? Number { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly MeetingDate { get; private set; }

    public string Status { get; private set; } = "";

    /// <summary>Every change raises it; a write sent with an older one is refused, never lost.</summary>
    public int Version { get; private set; }

    /// <summary>When the members present were recorded; null until then (none present is a record too).</summary>
    public DateTime? AttendanceRecordedAt { get; private set; }

    public string? MinutesFileName { get; private set; }

    public string? MinutesContentType { get; private set; }

    public long? MinutesSize { get; private set; }

    /// <summary>The minutes' blob in the content-addressed store; every dossier's copy names the same one.</summary>
    public string? MinutesSha256 { get; private set; }

    public string? MinutesUploadedBy { get; private set; }

    public DateTime? MinutesUploadedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public string? ConcludedBy { get; private set; }

    public DateTime? ConcludedAt { get; private set; }

    public IReadOnlyList<CouncilMember> Members => members;

    public IReadOnlyList<CouncilSessionDossier> Dossiers => dossiers;

    public int PresentCount => members.Count(m => m.Present);

    public bool IsOpen => Status == Open;

    /// <summary>How the session is named in each dossier's timeline and in messages.</summary>
    public string Label => $"{Title}{(Number is null ? "" : $" (số {Number})")}, họp ngày {DayText.Of(MeetingDate)}";

    /// <summary>The vote the session recorded for one of its dossiers, as the dossier's own rule reads it.</summary>
    public Vote VoteOf(CouncilSessionDossier entry) => new(members.Count, PresentCount, entry.Agree ?? 0);

    /// <summary>Refuses any change to a concluded session, or from a caller who saw an older version of it.</summary>
    public void EnsureEditable(int expectedVersion)
    {
        if (!IsOpen)
        {
            throw ProblemException.Conflict($"Phiên họp '{Label}' đã kết thúc; không thể sửa đổi.");
        }
        if (expectedVersion != Version)
        {
            throw ProblemException.Conflict(
                $"Phiên họp đã được cập nhật bởi người khác (phiên bản hiện tại {Version}, bạn gửi {expectedVersion}). Hãy tải lại trang.");
        }
    }

    /// <summary>Changes the title, number, date or members; a member recorded present stays present under the same name.</summary>
    public void Edit(CouncilDetails details, Actor actor, DateTime now)
    {
        var present = members.Where(m => m.Present).Select(m => m.Key).ToHashSet();
        Apply(details);
        foreach (var member in members.Where(m => present.Contains(m.Key)))
        {
            member.Present = true;
        }
        EnsureVotesFitAttendance();
        Touch(actor, now);
    }

    public CouncilSessionDossier Consider(Dossier dossier, Actor actor, DateTime now)
    {
        var entry = new CouncilSessionDossier(Id, dossier.Id, dossier.Version, dossiers.Count + 1, actor, now);
        dossiers.Add(entry);
        Touch(actor, now);
        return entry;
    }

    public void Drop(Guid dossierId, Actor actor, DateTime now)
    {
        dossiers.Remove(Entry(dossierId));
        Touch(actor, now);
    }

    /// <summary>Records who of the members came, by name; everyone else is recorded absent.</summary>
    public void RecordAttendance(IReadOnlyCollection<string> present, Actor actor, DateTime now)
    {
        var keys = present.Select(CouncilMember.KeyOf).ToHashSet();
        var unknown = keys.Where(k => members.All(m => m.Key != k)).ToList();
        if (unknown.Count > 0)
        {
            throw ProblemException.BadRequest("present",
                $"Không có trong danh sách thành viên hội đồng: {string.Join(", ", present.Where(p => unknown.Contains(CouncilMember.KeyOf(p))))}.");
        }
        foreach (var member in members)
        {
            member.Present = keys.Contains(member.Key);
        }
        EnsureVotesFitAttendance();
        AttendanceRecordedAt = now;
        Touch(actor, now);
    }

    public void RecordVote(Guid dossierId, int dossierVersion, CouncilBallot ballot, Actor actor, DateTime now)
    {
        if (AttendanceRecordedAt is null)
        {
            throw ProblemException.Conflict("Hãy ghi danh sách thành viên có mặt trước khi ghi kết quả biểu quyết.");
        }
        if (ballot.Agree + (ballot.Against ?? 0) + (ballot.Abstain ?? 0) > PresentCount)
        {
            throw ProblemException.BadRequest("agree",
                $"Số đồng ý, không đồng ý và không biểu quyết cộng lại không được vượt số thành viên có mặt ({PresentCount}).");
        }
        Entry(dossierId).RecordVote(dossierVersion, ballot, actor, now);
        Touch(actor, now);
    }

    public void FileMinutes(string fileName, string contentType, long size, string sha256, Actor actor, DateTime now)
    {
        (MinutesFileName, MinutesContentType, MinutesSize, MinutesSha256, MinutesUploadedBy, MinutesUploadedAt) =
            (fileName, contentType, size, sha256, actor.UserName, now);
        Touch(actor, now);
    }

    /// <summary>What still stands in the way of concluding the session as a whole (each dossier is checked on its own).</summary>
    public void EnsureReadyToConclude(DateOnly today)
    {
        var missing = new List<string>();
        if (MeetingDate > today)
        {
            missing.Add($"ngày họp {DayText.Of(MeetingDate)} chưa đến (hôm nay là {DayText.Of(today)})");
        }
        if (dossiers.Count == 0)
        {
            missing.Add("phiên họp chưa có hồ sơ nào");
        }
        if (AttendanceRecordedAt is null)
        {
            missing.Add("chưa ghi danh sách thành viên có mặt");
        }
        if (MinutesSha256 is null)
        {
            missing.Add("chưa tải lên biên bản họp hội đồng");
        }
        if (missing.Count > 0)
        {
            throw ProblemException.Conflict($"Chưa thể kết thúc phiên họp: {string.Join("; ", missing)}.");
        }
    }

    public void Conclude(Actor actor, DateTime now)
    {
        Status = Concluded;
        (ConcludedBy, ConcludedAt) = (actor.UserName, now);
        foreach (var entry in dossiers)
        {
            entry.OpenDossierId = null;
        }
        Touch(actor, now);
    }

    public CouncilSessionDossier Entry(Guid dossierId) =>
        dossiers.FirstOrDefault(d => d.DossierId == dossierId)
        ?? throw ProblemException.NotFound($"Hồ sơ {dossierId} không có trong phiên họp này.");

    private void Apply(CouncilDetails details)
    {
        Number = string.IsNullOrWhiteSpace(details.Number) ? null : details.Number.Trim();
        Title = details.Title.Trim();
        MeetingDate = details.MeetingDate;
        members.Clear();
        members.AddRange(details.Members.Select((m, i) => new CouncilMember(Id, i + 1, m.Name, m.Position)));
    }

    /// <summary>Fewer members present must not leave a recorded vote counting more of them.</summary>
    private void EnsureVotesFitAttendance()
    {
        var over = dossiers.Where(d => d.Agree + (d.Against ?? 0) + (d.Abstain ?? 0) > PresentCount).ToList();
        if (over.Count > 0)
        {
            throw ProblemException.Conflict(
                $"Chỉ còn {PresentCount} thành viên có mặt, ít hơn số phiếu đã ghi của {over.Count} hồ sơ; hãy sửa kết quả biểu quyết trước.");
        }
    }

    private void Touch(Actor actor, DateTime now)
    {
        (UpdatedBy, UpdatedAt) = (actor.UserName, now);
        Version++;
    }
}

/// <summary>A session's title, number, meeting date and members, as opened or edited.</summary>
public sealed record CouncilDetails(string? Number, string Title, DateOnly MeetingDate, IReadOnlyList<CouncilMemberDetails> Members);

public sealed record CouncilMemberDetails(string Name, string? Position);

/// <summary>One dossier's vote: members agreeing, and, when recorded, against and abstaining; with a note.</summary>
public sealed record CouncilBallot(int Agree, int? Against, int? Abstain, string? Note);

/// <summary>A member of the council, in the order the session lists them.</summary>
public sealed class CouncilMember
{
    private CouncilMember()
    {
    }

    internal CouncilMember(Guid sessionId, int ordinal, string name, string? position)
    {
        SessionId = sessionId;
        Ordinal = ordinal;
        Name = name.Trim();
        Position = string.IsNullOrWhiteSpace(position) ? null : position.Trim();
    }

    public long Id { get; private set; }

    public Guid SessionId { get; private set; }

    public int Ordinal { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Their office on the council or in the province (Chủ tịch Hội đồng, Giám đốc Sở…).</summary>
    public string? Position { get; private set; }

    public bool Present { get; internal set; }

    /// <summary>The name as two spellings of one person compare: trimmed, composed, case ignored.</summary>
    public string Key => KeyOf(Name);

    public static string KeyOf(string name) => name.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
}

/// <summary>A dossier the session considers, its vote, and once concluded the action it was moved by.</summary>
public sealed class CouncilSessionDossier
{
    public const string Carried = "carried";
    public const string NotCarried = "not-carried";

    /// <summary>Too few members present for the dossier's rule: the council could not vote on it, so it was not moved.</summary>
    public const string NotQuorate = "not-quorate";

    private CouncilSessionDossier()
    {
    }

    internal CouncilSessionDossier(Guid sessionId, Guid dossierId, int dossierVersion, int ordinal, Actor actor, DateTime now)
    {
        SessionId = sessionId;
        DossierId = dossierId;
        OpenDossierId = dossierId;
        DossierVersion = dossierVersion;
        Ordinal = ordinal;
        AddedBy = actor.UserName;
        AddedAt = now;
    }

    public Guid SessionId { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The dossier while the session is open, null after: unique, so no dossier is in two open sessions at once.</summary>
    public Guid? OpenDossierId { get; internal set; }

    /// <summary>The dossier's version when it was added or its vote recorded: concluding refuses a dossier changed since.</summary>
    public int DossierVersion { get; private set; }

    public int Ordinal { get; private set; }

    public string AddedBy { get; private set; } = "";

    public DateTime AddedAt { get; private set; }

    public int? Agree { get; private set; }

    public int? Against { get; private set; }

    public int? Abstain { get; private set; }

    public string? Note { get; private set; }

    public string? VotedBy { get; private set; }

    public DateTime? VotedAt { get; private set; }

    /// <summary><see cref="Carried"/>, <see cref="NotCarried"/> or <see cref="NotQuorate"/>, once the session concluded.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The action of the dossier's definition it was moved by.</summary>
    public string? Action { get; private set; }

    /// <summary>The dossier's timeline event of that move.</summary>
    public int? EventSequence { get; private set; }

    internal void RecordVote(int dossierVersion, CouncilBallot ballot, Actor actor, DateTime now)
    {
        DossierVersion = dossierVersion;
        (Agree, Against, Abstain) = (ballot.Agree, ballot.Against, ballot.Abstain);
        Note = string.IsNullOrWhiteSpace(ballot.Note) ? null : ballot.Note.Trim();
        (VotedBy, VotedAt) = (actor.UserName, now);
    }

    /// <summary>The meeting lacked the quorum the dossier's rule asks: no vote of it stands and it waits for another session.</summary>
    internal void RecordNotQuorate() => Outcome = NotQuorate;

    internal void RecordMove(bool carried, string action, int eventSequence) =>
        (Outcome, Action, EventSequence) = (carried ? Carried : NotCarried, action, eventSequence);
}
