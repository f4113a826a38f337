package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.service.ArticleQueries;
import io.newsflow.api.service.QueryParams;
import io.newsflow.api.service.Views.ArticleDetail;
import io.newsflow.api.service.Views.ArticleSummary;
import io.newsflow.api.service.Views.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    private final ArticleQueries queries;
    private final ApiConfig config;

    public ArticleResource(ArticleQueries queries, ApiConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(summary = "Search articles", description = "Full-text search and filters, newest first, cursor-paginated.")
    public Page<ArticleSummary> search(
            @Parameter(description = "full-text query (web search syntax: \"phrase\", OR, -word)") @QueryParam("q") String q,
            @Parameter(description = "entity key or any of its names") @QueryParam("entity") String entity,
            @Parameter(description = "PERSON, ORGANIZATION, LOCATION or MISC") @QueryParam("type") String type,
            @QueryParam("source") String source,
            @Parameter(description = "ISO date or date-time, inclusive") @QueryParam("publishedFrom") String publishedFrom,
            @Parameter(description = "ISO date or date-time, inclusive") @QueryParam("publishedTo") String publishedTo,
            @Parameter(description = "articles that speak of dates from (2019-05-30, 2019-05 or 2019)") @QueryParam("mentionedFrom") String mentionedFrom,
            @Parameter(description = "articles that speak of dates up to, inclusive") @QueryParam("mentionedTo") String mentionedTo,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return queries.search(new ArticleQueries.Search(
                QueryParams.text("q", q), QueryParams.text("entity", entity), QueryParams.entityType(type),
                QueryParams.text("source", source),
                QueryParams.instantFrom("publishedFrom", publishedFrom), QueryParams.instantAfter("publishedTo", publishedTo),
                QueryParams.day("mentionedFrom", mentionedFrom, false), QueryParams.day("mentionedTo", mentionedTo, true),
                QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()), QueryParams.cursor(cursor)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored article with its enrichment")
    public ArticleDetail get(@PathParam("id") String id) {
        return queries.get(id);
    }
}
