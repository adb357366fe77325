using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Validators;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// Length limits come from the EF model (ModelLengths), never typed again in a validator: a form's limit is its
/// column's, and its message names the same number (issue 28, one validation path).
public sealed class ValidatorLengthTests
{
    /// Limits in Core's validators that are not a column's, each with why. Keep it short.
    private static readonly Dictionary<string, string> NotAColumn = new(StringComparer.Ordinal)
    {
        ["InternalControl/ControlForms.cs: const int ReasonLength = 2000"] = "the reason to go on is written into the year's notes and the frozen report, both unbounded text: 2,000 is its own bound",
    };

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Komaki.Management.sln not found");
    }

    /// Form fields whose column's length is checked outside the validator's length rules, each with where.
    private static readonly Dictionary<string, string> CheckedElsewhere = new(StringComparer.Ordinal)
    {
        ["ProgressReportForm.ReportText"] = "ProgressReportForm.Problems checks the trimmed text against the column (ModelLengths) beside the status that makes it required",
    };

    /// A length typed as a number where a validator is declared: MaximumLength(300), `.Length > 4`, a `const int …Length`,
    /// or a message that says 「300文字」 instead of naming the limit it was given.
    [Fact]
    public void No_validator_in_Core_types_a_length_as_a_number()
    {
        var core = Path.Combine(Root(), "src", "Komaki.Management.Core");
        var typed = new Regex(@"(?:Maximum|Minimum)?Length\(\s*\d|\.Length\s*[<>]=?\s*[1-9]|const int \w*Length\w* = \d+|""[^""\n]*?\d[\d,]*\s*文字", RegexOptions.CultureInvariant);
        var files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && File.ReadAllText(f).Contains("AbstractValidator<", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 25, $"only {files.Count} files with validators found");
        var found = files.SelectMany(f => File.ReadAllLines(f).SelectMany(line => typed.Matches(line).Select(m => $"{Path.GetRelativePath(core, f).Replace('\\', '/')}: {m.Value}")))
            .Where(x => !NotAColumn.ContainsKey(x)).ToList();
        Assert.True(found.Count == 0, "read these limits from the model (ModelLengths.Of) and name them in the message ({MaxLength}):\n" + string.Join("\n", found));
    }

    /// Every form property that shares its name with a column of the form's entity (RiskForm → ControlRisk, GoalRow →
    /// PerformanceGoal: the entity of the feature whose name ends with the form's) is limited to that column's length.
    [Fact]
    public void Every_form_field_of_an_entity_column_is_limited_to_that_columns_length_and_says_so()
    {
        var model = ModelOf();
        var validators = typeof(IUseCase).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IValidator)Activator.CreateInstance(t)!).ToList();
        Assert.True(validators.Count > 40, $"only {validators.Count} validators found");
        var forms = new HashSet<Type>();
        var limits = validators.SelectMany(v => Lengths(v, FormOf(v), forms)).ToList();
        var problems = new List<string>();
        // A message about characters names the limit it was given ({MaxLength}, or the number itself).
        foreach (var (form, property, length, message) in limits.Where(l => l.Message.Contains('文', StringComparison.Ordinal)))
        {
            if (!message.Contains("{MaxLength}", StringComparison.Ordinal) && !message.Contains(length.Max.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                && !message.Contains(length.Max.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal))
                problems.Add($"{form.Name}.{property}: limited to {length.Max}, its message says 「{message}」");
        }
        var checkedFields = 0;
        foreach (var form in forms)
        {
            var stem = Regex.Replace(form.Name, "(Form|Row)$", "");
            var entities = model.GetEntityTypes().Where(e => e.ClrType.Namespace == form.Namespace && e.ClrType.Name.EndsWith(stem, StringComparison.Ordinal) && !e.IsOwned()).ToList();
            if (entities.Count == 0) continue;
            foreach (var p in form.GetProperties().Where(p => p.PropertyType == typeof(string) && !CheckedElsewhere.ContainsKey($"{form.Name}.{p.Name}")))
            {
                var columns = entities.Select(e => e.FindProperty(p.Name)?.GetMaxLength()).OfType<int>().Distinct().ToList();
                if (columns.Count == 0) continue;
                checkedFields++;
                var limit = limits.Where(l => l.Form == form && l.Property == p.Name).Select(l => l.Length.Max).ToList();
                if (limit.Count == 0) problems.Add($"{form.Name}.{p.Name}: no length limit; its column holds {string.Join("/", columns)}");
                else if (!limit.All(columns.Contains)) problems.Add($"{form.Name}.{p.Name}: limited to {string.Join("/", limit)}, its column holds {string.Join("/", columns)}");
            }
        }
        Assert.True(checkedFields > 40, $"only {checkedFields} form fields matched a column");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel ModelOf()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    private static Type FormOf(IValidator validator)
    {
        for (var t = validator.GetType(); t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        throw new InvalidOperationException($"{validator.GetType().Name} validates no form");
    }

    /// The length limits a validator states, its rows' (ChildRules) under the row's type.
    private static IEnumerable<(Type Form, string Property, ILengthValidator Length, string Message)> Lengths(IValidator validator, Type form, HashSet<Type> forms)
    {
        forms.Add(form);
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            foreach (var component in rule.Components)
            {
                if (component.Validator is ILengthValidator length) yield return (form, rule.PropertyName, length, component.GetUnformattedErrorMessage() ?? "");
                else if (component.Validator is IChildValidatorAdaptor
                    && component.Validator.GetType().GetField("_validator", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(component.Validator) is IValidator rows)
                    foreach (var row in Lengths(rows, FormOf(rows), forms)) yield return row;
            }
        }
    }
}
