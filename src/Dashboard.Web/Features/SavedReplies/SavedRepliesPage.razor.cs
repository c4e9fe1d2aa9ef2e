using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.SavedReplies;

/// <summary>
/// Settings → Saved replies: every member adds, edits and deletes the store's saved replies. The rules
/// and the access check live in <see cref="SavedReplyService"/>; a refused save keeps what was typed.
/// </summary>
public sealed partial class SavedRepliesPage
{
    [Inject] private SavedReplyService Replies { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private bool _loading = true;
    private string? _userId;
    private string? _storeId;
    private IReadOnlyList<SavedReplyRow> _replies = [];
    private string? _editingId;
    private string _name = "";
    private string _text = "";
    private string? _error;
    private string? _field;
    private bool _saving;

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        (_userId, _storeId) = (scope?.UserId, scope?.StoreId);
        if (_storeId is not null) _replies = await Replies.ListAsync(_userId, _storeId);
        _loading = false;
    }

    private void StartNew() => (_editingId, _name, _text, _error, _field) = (null, "", "", null, null);

    private void Edit(SavedReplyRow reply) => (_editingId, _name, _text, _error, _field) = (reply.Id, reply.Name, reply.Body, null, null);

    private async Task SaveAsync()
    {
        if (_storeId is null || _saving) return;
        _saving = true;
        try
        {
            var result = await Replies.SaveAsync(_userId, _storeId, _editingId, _name, _text);
            (_error, _field) = (result.Error, result.Field);
            if (!result.Succeeded) return;
            Snackbar.Add(_editingId is null ? $"Saved reply “{result.Reply!.Name}” added" : "Saved reply updated", Severity.Success);
            StartNew();
            _replies = await Replies.ListAsync(_userId, _storeId);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(SavedReplyRow reply)
    {
        if (_storeId is null) return;
        var result = await Replies.DeleteAsync(_userId, _storeId, reply.Id);
        Snackbar.Add(result.Succeeded ? $"Saved reply “{reply.Name}” deleted" : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        if (_editingId == reply.Id) StartNew();
        _replies = await Replies.ListAsync(_userId, _storeId);
    }
}
