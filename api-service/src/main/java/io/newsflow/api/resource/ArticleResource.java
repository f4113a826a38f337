package io.newsflow.api.resource;

import io.newsflow.api.ApiConfig;
import io.newsflow.api.resource.ValidParam.Rule;
import io.newsflow.api.service.ArticleQueries;
import io.newsflow.api.service.ArticleQueries.ArticleDetail;
import io.newsflow.api.service.ArticleQueries.ArticleRevision;
import io.newsflow.api.service.ArticleQueries.ArticleSummary;
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
            @Parameter(description = "full-text query (web search syntax: \"phrase\", OR, -word)") @QueryParam("q") @ValidParam(Rule.TEXT) String q,
            @Parameter(description = "entity key or any of its names, or wikipedia:<Title> for the entity linked to that "
                    + "Wikipedia page (wikipedia:United_States, or the title with spaces)") @QueryParam("entity") @ValidParam(Rule.ENTITY) String entity,
            @Parameter(description = "PERSON, ORGANIZATION, LOCATION or MISC") @QueryParam("type") @ValidParam(Rule.ENTITY_TYPE) String type,
            @QueryParam("source") @ValidParam(Rule.TEXT) String source,
            @Parameter(description = "the article's language: an ISO 639-1 code (de), several comma separated (de,fr), "
                    + "or und for undetermined. The full-text query is matched in each article's own language "
                    + "(German articles with German word forms, ...).") @QueryParam("language") @ValidParam(Rule.LANGUAGES) String language,
            @Parameter(description = "ISO date or date-time, inclusive") @QueryParam("publishedFrom") @ValidParam(Rule.INSTANT_FROM) String publishedFrom,
            @Parameter(description = "ISO date or date-time, inclusive") @QueryParam("publishedTo") @ValidParam(Rule.INSTANT_TO) String publishedTo,
            @Parameter(description = "articles that speak of dates from (2019-05-30, 2019-05 or 2019)") @QueryParam("mentionedFrom") @ValidParam(Rule.DAY_FROM) String mentionedFrom,
            @Parameter(description = "articles that speak of dates up to, inclusive") @QueryParam("mentionedTo") @ValidParam(Rule.DAY_TO) String mentionedTo,
            @QueryParam("limit") @ValidParam(Rule.LIMIT) String limit,
            @QueryParam("cursor") @ValidParam(Rule.ARTICLE_CURSOR) String cursor) {
        Cursor after = QueryParams.articleCursor(cursor);
        return Page.of(queries.search(new ArticleQueries.Search(
                QueryParams.text("q", q), QueryParams.entity(entity), QueryParams.entityType(type),
                QueryParams.text("source", source), QueryParams.languages(language),
                QueryParams.instantFrom("publishedFrom", publishedFrom), QueryParams.instantAfter("publishedTo", publishedTo),
                QueryParams.day("mentionedFrom", mentionedFrom, false), QueryParams.day("mentionedTo", mentionedTo, true),
                QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()), after == null ? null : after.position())));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored article with its enrichment",
            description = "Each entity carries link ({\"kb\": \"wikipedia\", \"id\", \"url\"}) when it is linked to a "
                    + "Wikipedia page, one page for all its articles; absent otherwise. "
                    + "submittedBy: the label of the ingest key that submitted the current content (null when unknown); "
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
    public Page<ArticleRevision> revisions(@PathParam("id") String id, @QueryParam("limit") @ValidParam(Rule.LIMIT) String limit,
                                           @QueryParam("cursor") @ValidParam(Rule.REVISION_CURSOR) String cursor) {
        Cursor after = QueryParams.revisionCursor(cursor);
        return Page.of(queries.revisions(id, QueryParams.limit(limit, config.defaultLimit(), config.maxLimit()),
                after == null ? null : after.position()));
    }
}
