using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Komaki.Management.IntegrationTests.Support;

/// Reads what compiled code calls and which strings it loads, so a test can find every place that does a thing
/// (answers a CSV, takes a service) instead of trusting a list typed by hand.
public static class IlReader
{
    private static readonly OpCode[] One = new OpCode[256];
    private static readonly OpCode[] Two = new OpCode[256];

    static IlReader()
    {
        foreach (var f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)f.GetValue(null)!;
            var v = (ushort)op.Value;
            if (v < 0x100) One[v] = op;
            else if ((v & 0xFF00) == 0xFE00) Two[v & 0xFF] = op;
        }
    }

    public const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// Every method and constructor of a type and of the types nested in it (closures, async state machines).
    public static IEnumerable<MethodBase> MethodsOf(Type type) =>
        type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything))
            .Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(MethodsOf));

    /// The action (or method) a compiled-generated member belongs to: &lt;Payroll&gt;d__12.MoveNext → Payroll.
    public static string SourceName(MethodBase m)
    {
        for (var t = m.DeclaringType; t is not null && t.IsNested; t = t.DeclaringType)
            if (t.Name.StartsWith('<')) return t.Name[1..t.Name.IndexOf('>', StringComparison.Ordinal)];
        return m.Name.StartsWith('<') ? m.Name[1..m.Name.IndexOf('>', StringComparison.Ordinal)] : m.Name;
    }

    public static Type OuterType(MethodBase m)
    {
        var t = m.DeclaringType!;
        while (t.IsNested && t.Name.StartsWith('<') || t.IsNested && t.Name == "<>c") t = t.DeclaringType!;
        return t;
    }

    public static (List<MethodBase> Calls, List<string> Strings) Read(MethodBase method)
    {
        var calls = new List<MethodBase>();
        var strings = new List<string>();
        Scan(method, calls, strings);
        if (method.GetCustomAttribute<StateMachineAttribute>() is { } sm && sm.StateMachineType.GetMethod("MoveNext", BindingFlags.NonPublic | BindingFlags.Instance) is { } next)
            Scan(next, calls, strings);
        return (calls, strings);
    }

    private static void Scan(MethodBase m, List<MethodBase> calls, List<string> strings)
    {
        var il = m.GetMethodBody()?.GetILAsByteArray();
        if (il is null) return;
        var typeArgs = m.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = m.IsGenericMethod ? m.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            OpCode op;
            if (il[i] == 0xFE) { op = Two[il[i + 1]]; i += 2; }
            else { op = One[il[i]]; i++; }
            switch (op.OperandType)
            {
                case OperandType.InlineMethod:
                    calls.Add(m.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs)!);
                    i += 4;
                    break;
                case OperandType.InlineString:
                    strings.Add(m.Module.ResolveString(BitConverter.ToInt32(il, i)));
                    i += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                default: i += 4; break;
            }
        }
    }
}
