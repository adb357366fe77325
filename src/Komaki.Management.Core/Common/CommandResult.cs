namespace Komaki.Management.Core.Common;

/// A refusal that belongs beside one field of the form (an empty field name: above the form).
public sealed record FieldError(string Field, string Message);

/// What a use case tells the page after a command: done (with the record it made or changed), or refused with
/// the reasons beside their fields, or refused because someone else saved the record first.
public sealed class CommandResult
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;
    public bool Succeeded => _errors.Count == 0;
    public bool Conflict { get; private set; }
    public int? RecordId { get; private set; }

    public static CommandResult Ok(int? recordId = null) => new() { RecordId = recordId };

    public static CommandResult Refused(string field, string message) => new CommandResult().Add(field, message);

    public static CommandResult Refused(IEnumerable<FieldError> errors)
    {
        var result = new CommandResult();
        result._errors.AddRange(errors);
        return result;
    }

    public static CommandResult Conflicted(string message)
    {
        var result = Refused(string.Empty, message);
        result.Conflict = true;
        return result;
    }

    public CommandResult Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public CommandResult WithRecord(int recordId)
    {
        RecordId = recordId;
        return this;
    }
}

/// A class of one feature's use cases (its page reads and its commands), registered for each request.
public interface IUseCase;
