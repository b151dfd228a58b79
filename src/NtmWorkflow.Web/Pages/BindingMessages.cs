using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace NtmWorkflow.Web.Pages;

/// <summary>
/// The framework's own messages for a value the pages cannot read (a word typed where a number goes, say), in
/// Vietnamese and translated like every other text. They name no property: its code name means nothing to the reader,
/// and the message stands beside its field.
/// </summary>
public static class BindingMessages
{
    public static void UseLocalized(DefaultModelBindingMessageProvider messages, IStringLocalizer text)
    {
        messages.SetMissingBindRequiredValueAccessor(_ => text["Cần nhập giá trị này."]);
        messages.SetMissingKeyOrValueAccessor(() => text["Cần nhập giá trị này."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Biểu mẫu gửi lên không có nội dung."]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Cần nhập giá trị này."]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Giá trị '{0}' không hợp lệ.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Giá trị '{0}' không hợp lệ.", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["Giá trị đã nhập không hợp lệ."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Giá trị đã nhập không hợp lệ."]);
        messages.SetValueIsInvalidAccessor(value => text["Giá trị '{0}' không hợp lệ.", value]);
        messages.SetValueMustBeANumberAccessor(_ => text["Cần nhập một số."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Cần nhập một số."]);
    }
}
