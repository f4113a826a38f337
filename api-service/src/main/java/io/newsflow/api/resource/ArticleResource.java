package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.service.ArticleQueries;
import io.newsflow.api.service.QueryParams;
import io.newsflow.api.service.Views.ArticleDetail;
import io.newsflow.api.service.Views.ArticleRevision;
import io.newsflow.api.service.Views.ArticleSummary;
import io.newsflow.api.service.Views.Page;
import io.newsflow.events.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
            @Parameter(description = "the article's language: an ISO 639-1 code (de), several comma separated (de,fr), "
                    + "or und for undetermined. The full-text query is matched in each article's own language "
                    + "(German articles with German word forms, ...).") @QueryParam("language") String language,
            @Parameter(description = "ISO date or date-time, inclusive") @QueryParam("publishedFrom") String publishedFrom,
            @Parameter(description = "ISO date or date-time, inclusive") @QueryParam("publishedTo") String publishedTo,
            @Parameter(description = "articles that speak of dates from (2019-05-30, 2019-05 or 2019)") @QueryParam("mentionedFrom") String mentionedFrom,
            @Parameter(description = "articles that speak of dates up to, inclusive") @QueryParam("mentionedTo") String mentionedTo,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return queries.search(new ArticleQueries.Search(
                QueryParams.text("q", q), QueryParams.text("entity", entity), QueryParams.entityType(type),
                QueryParams.text("source", source), QueryParams.languages(language),
                QueryParams.instantFrom("publishedFrom", publishedFrom), QueryParams.instantAfter("publishedTo", publishedTo),
                QueryParams.day("mentionedFrom", mentionedFrom, false), QueryParams.day("mentionedTo", mentionedTo, true),
                QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()), QueryParams.articleCursor(cursor)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored article with its enrichment",
            description = "submittedBy: the label of the ingest key that submitted the current content (null when unknown); "
                    + "revisions: how many earlier versions it replaced, listed by /articles/{id}/revisions.")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article with that id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ArticleDetail get(@PathParam("id") String id) {
        return queries.get(id);
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Earlier versions of an article, newest first",
            description = "Whenever a version with other content (title, text, source, url or publishedAt) replaced the "
                    + "stored one, the replaced version was kept, with the label of the ingest key that had submitted it. "
                    + "The same content again (a redelivery, a resend) keeps nothing. Cursor-paginated.")
    @APIResponse(responseCode = "200", description = "The revisions, newest first (an empty list when the article was never replaced)")
    @APIResponse(responseCode = "404", description = "No article with that id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ArticleRevision> revisions(@PathParam("id") String id, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        return queries.revisions(id, QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()),
                QueryParams.revisionCursor(cursor));
    }
}
