namespace Komaki.Management.Core.Auditing;

/// Who is making a change: the signed-in user in the web app, the operator in the CLI.
public interface ICurrentActor
{
    string Name { get; }
}

public sealed class FixedActor(string name) : ICurrentActor
{
    public string Name { get; } = name;
}
