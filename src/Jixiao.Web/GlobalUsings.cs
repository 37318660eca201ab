// Namespaces nearly every feature of the web application uses: the JSON contract, the stored records, the domain's money,
// documents, review and workflow vocabulary, access and auditing, and the two doors (pages and endpoints).
global using Jixiao.Contracts;
global using Jixiao.Data;
global using Jixiao.Data.Records;
global using Jixiao.Domain.Amounts;
global using Jixiao.Domain.Documents;
global using Jixiao.Domain.Review;
global using Jixiao.Domain.Workflow;
global using Jixiao.Web.Features.Workflow;
global using Jixiao.Web.Security;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
