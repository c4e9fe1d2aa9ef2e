namespace Dashboard.Web.Features.Cases;

/// <summary>The dashboard's tabs, Awaiting you first (declaration order is display order). Each maps to one status, except All.</summary>
public enum CaseTab { AwaitingYou, Open, AwaitingCustomer, Closed, All }
