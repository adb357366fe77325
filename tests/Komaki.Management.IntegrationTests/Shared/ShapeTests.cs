using System.Reflection;
using FluentValidation;
using Komaki.Management.Core.Common;
using Komaki.Management.IntegrationTests.Support;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// The shape of docs/architecture.md held by tests: lists of what does not follow it yet, which may only shrink —
/// a new controller that takes the DbContext, or a new POST that binds a form without a validator, fails here.
public class ShapeTests
{
    private static readonly Type[] Controllers = typeof(AppController).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ControllerBase).IsAssignableFrom(t)).ToArray();

    /// No controller takes the DbContext (ADR 0011): a page reads through a Core `…Pages` class and a step writes
    /// through a Core `…Commands` class, neither by the constructor nor by an action's [FromServices].
    [Fact]
    public void No_controller_takes_the_DbContext()
    {
        var taking = Controllers.Where(c => c.GetConstructors().Any(k => k.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)))
                || c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType))))
            .Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(taking.Count == 0, $"these controllers take the DbContext; move their reads and writes into Core use cases: {string.Join(", ", taking)}");
        Assert.Contains("No controller takes the DbContext", Doc("architecture.md"));
    }

    /// What makes a page public — open to all, under /public or /api/v1, kept by the public output cache — is said once,
    /// by PublicSiteController and OpenDataApiController (ADR 0018); a feature's controller saying it again itself fails.
    [Fact]
    public void Public_pages_and_open_data_lists_derive_what_makes_them_public()
    {
        var saying = Controllers.Where(c => c.GetCustomAttributes(inherit: false).Any(a => a is Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute
                or Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute || a is RouteAttribute { Template: "public" or "api/v1" }))
            .Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(saying.Count == 0, $"derive from PublicSiteController or OpenDataApiController instead: {string.Join(", ", saying)}");
        Assert.True(Controllers.Count(typeof(PublicSiteController).IsAssignableFrom) >= 7);
        Assert.True(Controllers.Count(typeof(OpenDataApiController).IsAssignableFrom) >= 4);
    }

    /// Which Core feature may use which (Common and Data are open to all). A new arrow is a design decision: add it
    /// here only if it does not close a cycle; remove arrows that are gone.
    private static readonly string[] AllowedArrows =
    [
        "BudgetFormulation → Auditing", "BudgetFormulation → Budgets", "BudgetFormulation → Evaluation", "BudgetFormulation → Excel", "BudgetFormulation → Identity",
        "BudgetFormulation → Implementation", "BudgetFormulation → Importing", "BudgetFormulation → Organization", "BudgetFormulation → Plans",
        "Budgets → Auditing", "Budgets → Identity", "Budgets → Implementation", "Budgets → Organization", "Budgets → Plans", "CitizenVoice → Auditing", "CitizenVoice → Excel", "CitizenVoice → Importing",
        "CitizenVoice → Plans", "Cycle → Auditing", "Cycle → Budgets", "Cycle → Evaluation", "Cycle → Execution", "Cycle → Goals",
        "Cycle → Identity", "Cycle → Implementation", "Cycle → Organization", "Cycle → Plans", "Cycle → Publishing",
        "Evaluation → Auditing", "Evaluation → Budgets", "Evaluation → Excel", "Evaluation → Identity", "Evaluation → Implementation",
        "Evaluation → Importing", "Evaluation → Organization", "Evaluation → Plans", "Execution → Auditing", "Execution → Excel", "Execution → Identity",
        "Execution → Importing", "Execution → Organization", "Execution → Plans", "Goals → Auditing", "Goals → Excel", "Goals → Identity",
        "Goals → Manifesto", "Goals → Organization", "Goals → Plans", "Identity → Auditing", "Identity → Organization",
        "Implementation → Auditing", "Implementation → Excel", "Implementation → Identity", "Implementation → Importing", "Implementation → Organization", "Implementation → Plans", "Importing → Auditing",
        "Importing → Excel", "Importing → Identity",
        "Importing → Organization", "Importing → Plans", "InternalControl → Auditing", "InternalControl → Excel", "InternalControl → Goals",
        "InternalControl → Identity", "InternalControl → Organization", "InternalControl → Plans", "Manifesto → Auditing", "Manifesto → Excel", "Manifesto → Implementation",
        "Manifesto → Importing", "Manifesto → Plans", "Organization → Auditing", "Personnel → Auditing", "Personnel → Excel", "Personnel → Goals",
        "Personnel → Identity", "Personnel → Importing", "Personnel → Manifesto", "Personnel → Organization", "Personnel → Plans", "Plans → Auditing",
        "Plans → Identity", "Plans → Organization",
        "Publishing → Auditing", "Publishing → Evaluation", "Publishing → Organization", "Publishing → Plans", "Reports → Auditing", "Reports → Budgets",
        "Reports → Evaluation", "Reports → Excel", "Reports → Execution", "Reports → Plans", "Staffing → Auditing", "Staffing → Evaluation",
        "Staffing → Excel", "Staffing → Identity", "Staffing → Organization", "Staffing → Personnel",
    ];

    /// Pairs of features that use each other: none. The import pipeline knows no feature; each feature tells it what it
    /// needs (ILabelMeanings, a SheetKind's Scopes and ExportForReader).
    private static readonly string[] Cycles = [];

    [Fact]
    public void Every_post_binds_only_forms_that_have_a_validator()
    {
        var validated = new[] { typeof(AppController).Assembly, typeof(IUseCase).Assembly }.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetInterfaces()).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0]).ToHashSet();
        var missing = Controllers
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (c, m)))
            .Where(x => x.m.GetCustomAttributes<HttpPostAttribute>().Any())
            .SelectMany(x => x.m.GetParameters().Where(p => p.GetCustomAttribute<FromServicesAttribute>() is null && IsForm(p.ParameterType) && !validated.Contains(p.ParameterType))
                .Select(p => $"{x.c.Name}.{x.m.Name}({Name(p.ParameterType)})"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"give these forms a validator in Core (lengths from the model): {string.Join(", ", missing)}");
    }

    /// Forms that still bind rows as a dictionary keyed by what the page sends (`Field[key]`). Two values sent under one key
    /// are bound as one — the model binder keeps the first — so a duplicate can never be refused. Rows are a list of
    /// items that carry their key, and the form's validator refuses a key given twice (CommitForm, in Japanese).
    /// Remove an entry when its form binds a list; never add one.
    private static readonly string[] FormsBindingDictionaries =
    [
        "GoalForm.Lookup",
    ];

    [Fact]
    public void Forms_bind_rows_as_lists_whose_validator_can_see_a_key_twice_beyond_the_shrinking_list()
    {
        var ours = new[] { typeof(AppController).Assembly, typeof(IUseCase).Assembly };
        var seen = new HashSet<Type>();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(Type t)
        {
            t = Nullable.GetUnderlyingType(t) ?? t;
            if (t.IsArray) { Walk(t.GetElementType()!); return; }
            if (t.IsGenericType) { foreach (var a in t.GetGenericArguments()) Walk(a); return; }
            if (!ours.Contains(t.Assembly) || t.IsEnum || !seen.Add(t)) return;
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var pt = p.PropertyType;
                if (pt.IsGenericType && pt.GetInterfaces().Append(pt).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))) found.Add($"{t.Name}.{p.Name}");
                Walk(pt);
            }
        }
        foreach (var p in Controllers.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                     .Where(m => m.GetCustomAttributes<HttpPostAttribute>().Any()).SelectMany(m => m.GetParameters())
                     .Where(p => p.GetCustomAttribute<FromServicesAttribute>() is null && IsForm(p.ParameterType)))
            Walk(p.ParameterType);
        Assert.Contains("CommitForm", seen.Select(t => t.Name));
        Assert.True(FormsBindingDictionaries.Order(StringComparer.Ordinal).SequenceEqual(found),
            $"new (bind a list of rows that carry their key, and refuse a key given twice): {string.Join(", ", found.Except(FormsBindingDictionaries))}; no longer (remove from the list): {string.Join(", ", FormsBindingDictionaries.Except(found))}; now: {string.Join("|", found)}");
    }

    /// POST actions that bind free text, a date or an amount as a loose parameter, outside any validated form (ids
    /// from the route, versions, choices and the import's staging tokens are values, not text). Remove an entry when its action binds a form; never add one.
    private static readonly string[] LooseTextInPosts =
    [
    ];

    [Fact]
    public void Every_post_binds_free_text_dates_and_amounts_only_inside_a_validated_form_beyond_the_shrinking_list()
    {
        static bool Loose(ParameterInfo p)
        {
            var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (t.IsArray) t = t.GetElementType()!;
            if (p.GetCustomAttribute<FromServicesAttribute>() is not null || p.GetCustomAttribute<FromRouteAttribute>() is not null) return false;
            var text = t == typeof(string) && !p.Name!.EndsWith("Id", StringComparison.Ordinal) && p.Name is not ("id" or "kind" or "returnUrl" or "scheme" or "provider" or "token" or "fingerprint");
            return text || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(decimal);
        }
        var loose = Controllers
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (c, m)))
            .Where(x => x.m.GetCustomAttributes<HttpPostAttribute>().Any())
            .SelectMany(x => x.m.GetParameters().Where(Loose).Select(p => $"{x.c.Name}.{x.m.Name}({p.Name})"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(LooseTextInPosts.Order(StringComparer.Ordinal).SequenceEqual(loose),
            $"new: {string.Join(", ", loose.Except(LooseTextInPosts))}; no longer (remove from the list): {string.Join(", ", LooseTextInPosts.Except(loose))}; now: {string.Join("|", loose)}");
    }

    /// Controllers that still call a Core access rule (a static `…Access` or `…Locks` class) themselves instead of asking
    /// through the one door (RefusalAsync with the record kind's IRecordRule, ADR 0017). Remove a controller when it
    /// asks only through the door; never add one. A list deciding many rows at once asks the rule class's own per-row
    /// helper, not the access rule behind it.
    private static readonly string[] AccessRulesInControllers =
    [
    ];

    [Fact]
    public void Controllers_ask_record_rules_only_through_the_one_door_beyond_the_shrinking_list()
    {
        var rules = typeof(IUseCase).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && (t.Name.EndsWith("Access", StringComparison.Ordinal) || t.Name.EndsWith("Locks", StringComparison.Ordinal)))
            .ToHashSet();
        Assert.Contains(typeof(Komaki.Management.Core.Identity.PlanAccess), rules);
        var asking = Controllers
            .Where(c => IlReader.MethodsOf(c).SelectMany(m => IlReader.Read(m).Calls).Any(call => call.DeclaringType is { } d && rules.Contains(d)))
            .Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(AccessRulesInControllers.Order(StringComparer.Ordinal).SequenceEqual(asking),
            $"new (ask through RefusalAsync instead): {string.Join(", ", asking.Except(AccessRulesInControllers))}; no longer (remove from the list): {string.Join(", ", AccessRulesInControllers.Except(asking))}; now: {string.Join("|", asking)}");
    }

    /// Views only read their page's model (ADR 0017): which buttons and links show is decided by the controller through
    /// the one door (MayAsync / RefusalAsync, or the rule class's per-row helper for a list) or by a Core …Pages class.
    /// A compiled view (.cshtml) that calls an access rule — a `…Access` or `…Locks` class, a record kind's rule, a
    /// `…Refusal…` answer, or a workflow's say on who may (`…Workflow`/`…Steps`: Can…, May…, Check…, Who) — fails.
    [Fact]
    public void Views_ask_no_access_rule_and_only_read_what_their_model_decided()
    {
        static bool Rule(MethodBase call)
        {
            var d = call.DeclaringType;
            while (d is { IsNested: true } && d.Name.StartsWith('<')) d = d.DeclaringType;
            if (d is null || d.Assembly != typeof(IUseCase).Assembly || call.IsSpecialName) return false;
            var name = call.Name;
            return d.Name.EndsWith("Access", StringComparison.Ordinal) || d.Name.EndsWith("Locks", StringComparison.Ordinal)
                || d.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Komaki.Management.Core.IRecordRule<>))
                || name.Contains("Refusal", StringComparison.Ordinal)
                || (d.Name.EndsWith("Workflow", StringComparison.Ordinal) || d.Name.EndsWith("Steps", StringComparison.Ordinal))
                    && (name is "Who" || name.StartsWith("Can", StringComparison.Ordinal) || name.StartsWith("May", StringComparison.Ordinal) || name.StartsWith("Check", StringComparison.Ordinal));
        }
        var views = typeof(AppController).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Microsoft.AspNetCore.Mvc.Razor.RazorPageBase).IsAssignableFrom(t)).ToList();
        Assert.True(views.Count > 100, $"only {views.Count} compiled views found");
        var asking = views.SelectMany(v => IlReader.MethodsOf(v).SelectMany(m => IlReader.Read(m).Calls).Where(Rule)
                .Select(c => $"{v.Name}: {c.DeclaringType!.Name}.{c.Name}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(asking.Count == 0, $"decide these in the controller through the one door and give the view the answer in its model: {string.Join(", ", asking)}");
        Assert.True(Rule(typeof(Komaki.Management.Core.Identity.PlanAccess).GetMethod(nameof(Komaki.Management.Core.Identity.PlanAccess.CanEditStructure))!));
    }

    /// Views that still decide by the reader's roles what to show. Remove an entry when its page's model carries the
    /// answer; never add one.
    private static readonly string[] ViewsCheckingRoles =
    [
    ];

    /// A button shows exactly when its step would be accepted, so a view never asks the reader's roles (`User.IsInRole`)
    /// nor reads the person at all (any member of `Actor`: roles, unit — a view comparing the reader's unit with a
    /// row's decided 予算編成's 回答する itself): the page's model carries what the record's rule
    /// (through the one door) or the sheet's access answered, and the menu what the pages' policies admit (MenuAccess).
    [Fact]
    public void Views_check_no_role_beyond_the_shrinking_list()
    {
        static bool RoleCheck(MethodBase call) =>
            call.DeclaringType is { } d
            && (typeof(System.Security.Principal.IPrincipal).IsAssignableFrom(d) && call.Name == nameof(System.Security.Claims.ClaimsPrincipal.IsInRole)
                || d == typeof(Komaki.Management.Core.Identity.Actor));
        var views = typeof(AppController).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Microsoft.AspNetCore.Mvc.Razor.RazorPageBase).IsAssignableFrom(t)).ToList();
        var checking = views.Where(v => IlReader.MethodsOf(v).SelectMany(m => IlReader.Read(m).Calls).Any(RoleCheck))
            .Select(v => v.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(ViewsCheckingRoles.Order(StringComparer.Ordinal).SequenceEqual(checking),
            $"new (give the view the answer in its model): {string.Join(", ", checking.Except(ViewsCheckingRoles))}; no longer (remove from the list): {string.Join(", ", ViewsCheckingRoles.Except(checking))}");
        Assert.True(RoleCheck(typeof(System.Security.Claims.ClaimsPrincipal).GetMethod(nameof(System.Security.Claims.ClaimsPrincipal.IsInRole))!));
        Assert.True(RoleCheck(typeof(Komaki.Management.Core.Identity.Actor).GetProperty(nameof(Komaki.Management.Core.Identity.Actor.IsPlanMasterEditor))!.GetMethod!));
    }

    [Fact]
    public void Core_features_depend_on_each_other_only_along_the_stated_arrows()
    {
        var arrows = CoreArrows();
        Assert.True(arrows.SetEquals(AllowedArrows), $"new: {string.Join(", ", arrows.Except(AllowedArrows))}; gone (remove from the list): {string.Join(", ", AllowedArrows.Except(arrows))}; now: {string.Join("|", arrows)}");
        var cycles = arrows.Select(a => a.Split(" → ")).Where(a => arrows.Contains($"{a[1]} → {a[0]}") && string.CompareOrdinal(a[0], a[1]) < 0)
            .Select(a => $"{a[0]} ↔ {a[1]}").Order(StringComparer.Ordinal).ToList();
        Assert.True(cycles.SequenceEqual(Cycles.Order(StringComparer.Ordinal)), $"cycles now: {string.Join("|", cycles)}");
    }

    /// A type bound from the request as a whole form (not a value, a file or a list of values).
    private static bool IsForm(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(Guid)) return false;
        if (typeof(IFormFile).IsAssignableFrom(t) || typeof(IFormFileCollection).IsAssignableFrom(t) || t == typeof(CancellationToken)) return false;
        if (t.IsArray) return IsForm(t.GetElementType()!);
        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IEnumerable<>) || g == typeof(IReadOnlyList<>)))
            return IsForm(t.GetGenericArguments()[0]);
        return true;
    }

    /// The arrows between Core's feature namespaces as the compiled code has them (signatures, base types, calls),
    /// Common and Data left out: every feature uses them and Data names every feature's tables.
    private static SortedSet<string> CoreArrows()
    {
        const string Root = "Komaki.Management.Core.";
        static string? Feature(Type? t)
        {
            while (t is { IsNested: true }) t = t.DeclaringType;
            if (t?.Namespace is not { } ns || !ns.StartsWith(Root, StringComparison.Ordinal)) return null;
            var f = ns[Root.Length..].Split('.')[0];
            return f is "Common" or "Data" ? null : f;
        }
        static IEnumerable<Type> Parts(Type t) => t.IsGenericType ? t.GetGenericArguments().SelectMany(Parts).Prepend(t) : t.HasElementType ? Parts(t.GetElementType()!) : [t];
        var arrows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(IUseCase).Assembly.GetTypes())
        {
            if (Feature(type) is not { } from) continue;
            var used = new List<Type>();
            if (type.BaseType is { } b) used.Add(b);
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(IlReader.Everything).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(IlReader.Everything).Select(p => p.PropertyType));
            foreach (var m in type.GetMethods(IlReader.Everything).Cast<MethodBase>().Concat(type.GetConstructors(IlReader.Everything)))
            {
                if (m is MethodInfo mi) used.Add(mi.ReturnType);
                used.AddRange(m.GetParameters().Select(p => p.ParameterType));
                used.AddRange(IlReader.Read(m).Calls.SelectMany(c => new[] { c.DeclaringType! }.Concat(c is MethodInfo { IsGenericMethod: true } g ? g.GetGenericArguments() : [])));
            }
            foreach (var to in used.SelectMany(Parts).Select(Feature).OfType<string>().Where(to => to != from)) arrows.Add($"{from} → {to}");
        }
        return arrows;
    }

    /// Files of other areas not yet named after a type they declare, left to those areas. Remove an entry when its file
    /// is renamed or split; never add one.
    private static readonly string[] FilesNotNamedAfterTheirType =
    [
        "Core/BudgetFormulation/BudgetSetsu.cs", "Core/Manifesto/Manifesto.cs", "Core/Personnel/PersonnelOutputs.cs",
        "Core/Staffing/StaffingPlan.cs", "Web/Features/Goals/WorkRows.cs",
    ];

    /// A newcomer finds a type by its name: every source file is named after a top-level type it declares, or — for a
    /// file that gathers one role of a feature — after that role (…Models, …Forms, …Validators, …Configurations, …Datasets,
    /// …History). Migrations and Program.cs are the tools' and the host's.
    [Fact]
    public void Every_source_file_is_named_after_a_type_it_declares()
    {
        string[] roles = ["Models", "Forms", "Validators", "Configurations", "History", "Datasets"];
        var declaration = new System.Text.RegularExpressions.Regex(
            @"^(?:public |internal |file )?(?:(?:sealed|static|abstract|partial|readonly|ref) )*(?:class|record struct|record class|record|struct|interface|enum) +(\w+)",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        var src = Path.Combine(Root(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.StartsWith("Komaki.Management.Migrations.", StringComparison.Ordinal) && Path.GetFileName(f) != "Program.cs")
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {src}");
        var offenders = files.Where(f =>
            {
                var name = Path.GetFileNameWithoutExtension(f).Split('.')[0];
                var types = declaration.Matches(File.ReadAllText(Path.Combine(src, f))).Select(m => m.Groups[1].Value).ToList();
                return !types.Contains(name) && !(types.Count > 1 && roles.Any(r => name.EndsWith(r, StringComparison.Ordinal)));
            })
            .Select(f => f.Replace("Komaki.Management.", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.SequenceEqual(FilesNotNamedAfterTheirType.Order(StringComparer.Ordinal)),
            $"new: {string.Join(", ", offenders.Except(FilesNotNamedAfterTheirType))}; renamed (remove from the list): {string.Join(", ", FilesNotNamedAfterTheirType.Except(offenders))}");
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Komaki.Management.sln not found");
    }

    private static string Name(Type t) => t.IsGenericType ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{new string(',', t.GetGenericArguments().Length - 1)}>" : t.Name;

    private static string Doc(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", name));
    }
}
