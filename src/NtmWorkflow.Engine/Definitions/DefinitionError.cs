namespace NtmWorkflow.Engine.Definitions;

/// <summary>A problem in a definition file, located so the person editing it can find it.</summary>
public sealed record DefinitionError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

public sealed class DefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Định nghĩa quy trình không hợp lệ:" + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
