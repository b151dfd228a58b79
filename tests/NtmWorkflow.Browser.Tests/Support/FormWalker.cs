using System.Text;
using Microsoft.Playwright;

namespace NtmWorkflow.Browser.Tests.Support;

/// <summary>
/// Submits every form of a page once, as a user allowed to, each from a freshly opened page: it fills what is empty
/// with a plausible value and clicks the form's button. A refusal the user can correct is an answer (the page again,
/// with its message); an error page (400, 500…) is a failure, named by the page and the form's button.
/// </summary>
public sealed class FormWalker(IPage page)
{
    private int filled;

    /// <summary>The names of the buttons clicked, page by page, for the test to check that none was missed.</summary>
    public List<string> Clicked { get; } = [];

    /// <summary>
    /// Opens the page with <paramref name="open"/> (which may prepare a fresh dossier, for forms that move it) before
    /// each kind of form — its handler and its button: one of a row of alike forms (mark this notice read, rename this
    /// unit) stands for all. The header's forms (language, sign-out) are left to their own tests.
    /// </summary>
    public async Task SubmitEachAsync(Func<Task<string>> open)
    {
        var path = await open();
        await page.GotoAsync(path);
        var kinds = (await page.EvaluateAsync<string[][]>(
                "() => Array.from(document.querySelectorAll('main form')).map(f => [new URL(f.action).searchParams.get('handler') ?? '', f.querySelector('button[type=submit]').textContent.trim()])"))
            .Select(kind => (Handler: kind[0], Button: kind[1])).Distinct().ToList();
        Assert.True(kinds.Count > 0, $"{path} has no form");
        // Last first: a form that goes away once used (mark all read) is still there when its turn comes.
        for (var i = kinds.Count - 1; i >= 0; i--)
        {
            path = i == kinds.Count - 1 ? path : await open();
            await page.GotoAsync(path);
            var (handler, text) = kinds[i];
            var name = $"{path}: {text}";
            var forms = page.Locator(handler == "" ? "main form:not([action*='handler='])" : $"main form[action*='handler={handler}']")
                .Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = text, Exact = true }) });
            Assert.True(await forms.CountAsync() > 0, $"{name}: the form is gone");
            var form = forms.First;
            await FillAsync(form);
            var answer = await page.RunAndWaitForResponseAsync(() => form.Locator("button[type=submit]").ClickAsync(), response =>
                response.Request.ResourceType is "document" or "xhr" && response.Status is < 300 or >= 400);
            Assert.True(answer.Status < 400, $"{name} answered {answer.Status}: {await answer.TextAsync()}");
            Clicked.Add(name);
        }
    }

    public Task SubmitEachAsync(string path) => SubmitEachAsync(() => Task.FromResult(path));

    /// <summary>Fills the visible fields left empty: a small PDF, the lowest number allowed, a date, or some text.</summary>
    private async Task FillAsync(ILocator form)
    {
        foreach (var field in await form.Locator("input:visible, textarea:visible").AllAsync())
        {
            var type = await field.GetAttributeAsync("type") ?? "text";
            if (type == "file")
            {
                await field.SetInputFilesAsync(new FilePayload
                {
                    Name = "thu-nghiem.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.7\n% thu nghiem\n"),
                });
                continue;
            }
            if (type is "checkbox" or "hidden" or "submit" || await field.InputValueAsync() != "")
            {
                continue;
            }
            filled++;
            await field.FillAsync(type switch
            {
                "number" => await field.GetAttributeAsync("min") is { } min && min != "0" ? min : "1",
                "date" => "2026-03-20",
                "email" => $"thu{filled}@xa.gov.vn",
                "password" => $"Mat-khau-thu-{filled}-2026",
                _ => $"Thử nghiệm {filled}",
            });
        }
    }
}
