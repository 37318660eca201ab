namespace Jixiao.Web.Features;

/// <summary>How an operation of a service ended.</summary>
public enum OutcomeKind
{
    /// <summary>It happened.</summary>
    Done,

    /// <summary>There is no such thing, or the user may not see it.</summary>
    NotFound,

    /// <summary>The user's role or the thing's state does not allow it; nothing was changed.</summary>
    Refused,

    /// <summary>The input has errors (by field); nothing was changed.</summary>
    Invalid,

    /// <summary>Someone changed the thing since the user read it; nothing was changed.</summary>
    Stale,

    /// <summary>The same thing is already there (a table of the same unit, title and year); the user is to choose.</summary>
    Conflict,

    /// <summary>The server is too busy to do it now; try again shortly.</summary>
    Busy,
}

/// <summary>
/// What every operation a page or an endpoint performs returns: done with a value, or not, with the
/// reason in Chinese. The two doors turn it into their answer through <see cref="ToHttp"/> and
/// <see cref="ToPage"/> only, so a page and an endpoint cannot answer the same outcome differently.
/// </summary>
/// <typeparam name="T">What a done operation gives back.</typeparam>
public sealed record Outcome<T>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static readonly IReadOnlyDictionary<string, object?> NoDetails = new Dictionary<string, object?>();

    private Outcome(OutcomeKind kind, T? value, string message, IReadOnlyDictionary<string, string[]>? errors = null, int? currentVersion = null,
        IReadOnlyDictionary<string, object?>? details = null)
    {
        Kind = kind;
        Value = value;
        Message = message;
        Errors = errors ?? NoErrors;
        CurrentVersion = currentVersion;
        Details = details ?? NoDetails;
    }

    public OutcomeKind Kind { get; }

    /// <summary>What a done operation gives back; for one not done, what there is to show beside the reason (<see cref="Showing"/>), or default.</summary>
    public T? Value { get; }

    /// <summary>Why it did not happen, in Chinese; empty when done.</summary>
    public string Message { get; }

    /// <summary>For <see cref="OutcomeKind.Invalid"/>: field → Chinese messages (the field <c>""</c> for the input as a whole).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>For <see cref="OutcomeKind.Stale"/>: the version now stored.</summary>
    public int? CurrentVersion { get; }

    /// <summary>What else a caller is told beside the message (the reader's diagnostics, the id of the table already stored…), by name as the API writes it.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    public bool IsDone => Kind == OutcomeKind.Done;

    public static Outcome<T> Done(T value) => new(OutcomeKind.Done, value, "");

    public static Outcome<T> NotFound(string message) => new(OutcomeKind.NotFound, default, message);

    public static Outcome<T> Refused(string message) => new(OutcomeKind.Refused, default, message);

    /// <summary>Input errors by field; <see cref="Message"/> joins them.</summary>
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(OutcomeKind.Invalid, default, string.Join("；", errors.Values.SelectMany(v => v)), errors);
    }

    /// <summary>Input errors not tied to one field.</summary>
    public static Outcome<T> Invalid(params IReadOnlyList<string> messages) =>
        Invalid(new Dictionary<string, string[]> { [""] = [.. messages] });

    public static Outcome<T> Stale(string message, int currentVersion) => new(OutcomeKind.Stale, default, message, null, currentVersion);

    public static Outcome<T> Conflict(string message, IReadOnlyDictionary<string, object?> details) => new(OutcomeKind.Conflict, default, message, null, null, details);

    public static Outcome<T> Busy(string message) => new(OutcomeKind.Busy, default, message);

    /// <summary>This outcome, not done, with <paramref name="value"/> to show beside the reason (what was read of a file that cannot be stored).</summary>
    public Outcome<T> Showing(T value) => IsDone
        ? throw new InvalidOperationException("A done outcome has its value already.")
        : new(Kind, value, Message, Errors, CurrentVersion, Details);

    /// <summary>This outcome with <paramref name="details"/> added.</summary>
    public Outcome<T> With(IReadOnlyDictionary<string, object?> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(Kind, Value, Message, Errors, CurrentVersion, Details.Concat(details).ToDictionary());
    }

    /// <summary>This outcome, not done, as an outcome of another type.</summary>
    /// <exception cref="InvalidOperationException">The outcome is done: it has a value of this type to give.</exception>
    public Outcome<TOther> As<TOther>() => IsDone
        ? throw new InvalidOperationException("A done outcome has a value of its own type.")
        : Outcome<TOther>.From(Kind, Message, Errors, CurrentVersion, Details);

    private static Outcome<T> From(OutcomeKind kind, string message, IReadOnlyDictionary<string, string[]> errors, int? currentVersion, IReadOnlyDictionary<string, object?> details) =>
        new(kind, default, message, errors, currentVersion, details);

    /// <summary>The HTTP status of this outcome when it is not done.</summary>
    public int Status => Kind switch
    {
        OutcomeKind.Done => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Refused => StatusCodes.Status403Forbidden,
        OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
        OutcomeKind.Stale => StatusCodes.Status412PreconditionFailed,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        OutcomeKind.Busy => StatusCodes.Status429TooManyRequests,
    };

    /// <summary>The title of the Chinese problem for this outcome when it is not done.</summary>
    private string Title => Kind switch
    {
        OutcomeKind.Done => "",
        OutcomeKind.NotFound => "找不到",
        OutcomeKind.Refused => "不允许该操作",
        OutcomeKind.Invalid => "提交的内容有误",
        OutcomeKind.Stale => "内容已被他人修改",
        OutcomeKind.Conflict => "已有相同的内容",
        OutcomeKind.Busy => "服务器正忙",
    };

    /// <summary>
    /// The API's answer: <paramref name="done"/> with the value, or a Chinese problem with the status of
    /// <see cref="Status"/>, the field errors of invalid input, the current version of a stale save and the <see cref="Details"/>.
    /// </summary>
    public IResult ToHttp(Func<T, IResult> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (IsDone)
        {
            return done(Value!);
        }

        var extensions = Details.ToDictionary();
        if (CurrentVersion is { } version)
        {
            extensions["currentVersion"] = version;
        }

        return Kind == OutcomeKind.Invalid && Errors.Keys.Any(key => key.Length > 0)
            ? TypedResults.ValidationProblem(Errors, detail: Message, title: Title, extensions: extensions)
            : Problem(Status, Title, Message, extensions);
    }

    /// <summary>
    /// A page's answer: <paramref name="done"/> with the value; the not-found page for what is not there;
    /// the forbidden page for a refusal, unless <paramref name="showRefusal"/>; otherwise <paramref name="shown"/>,
    /// the page telling the user why and letting them try again. A refusal or a busy server shown on the page
    /// keeps its status (403, 429), as the API's answer does.
    /// </summary>
    public IActionResult ToPage(PageModel page, Func<T, IActionResult> done, Func<Outcome<T>, IActionResult> shown, bool showRefusal = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(shown);
        return Kind switch
        {
            OutcomeKind.Done => done(Value!),
            OutcomeKind.NotFound => page.NotFound(),
            OutcomeKind.Refused when !showRefusal => page.StatusCode(StatusCodes.Status403Forbidden),
            OutcomeKind.Refused or OutcomeKind.Busy => ShownWithStatus(page, shown),
            OutcomeKind.Invalid or OutcomeKind.Stale or OutcomeKind.Conflict => shown(this),
        };
    }

    private IActionResult ShownWithStatus(PageModel page, Func<Outcome<T>, IActionResult> shown)
    {
        page.Response.StatusCode = Status;
        return shown(this);
    }

    /// <summary>A problem answer in Chinese.</summary>
    private static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
