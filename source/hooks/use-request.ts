// The request screen's work outside React: the newest API version, whether a refresh token is
// stored, pre-flight, sending with a cancel, refreshing the session, and following
// nextRecordsUrl. The screen holds the form; this hook holds what went over the wire.
import {useCallback, useContext, useEffect, useMemo, useRef, useState} from 'react';
import {callOptions} from '../auth/complete-login.js';
import type {AuthContext} from '../auth/context.js';
import type {AuthProblem} from '../auth/problems.js';
import {refreshSession, type Session} from '../auth/session.js';
import type {RawPage} from '../components/response-view/response-view.js';
import {diagnose, responseOutcome, type Diagnosis} from '../core/diagnose.js';
import type {Failure} from '../core/failure.js';
import {preflight, type KnownOrg, type Preflight} from '../core/preflight.js';
import {
	buildRequest,
	type BuiltRequest,
	type DraftProblem,
	type RequestDraft,
} from '../core/request.js';
import {getLatestApiVersion} from '../salesforce/identity.js';
import {sendRestRequest, type RestResponse} from '../salesforce/rest.js';
import {historyInputOf} from '../store/history-input.js';
import {secretAccount} from '../store/orgs.js';
import {HistoryContext} from './use-history.js';

export type Outcome =
	| {readonly kind: 'response'; readonly response: RestResponse}
	| {readonly kind: 'failure'; readonly failure: Failure};

export type Exchange = {
	readonly request: BuiltRequest;
	/** The token it was sent with, for "load more" and nothing else (never drawn). */
	readonly token: string;
	readonly outcome: Outcome;
	readonly diagnosis?: Diagnosis;
	/** The body, then the pages "load more" appended. */
	readonly pages: readonly RawPage[];
	/** A page that could not be loaded, explained. */
	readonly loadFailure?: Diagnosis;
	/** An answer kept in history, shown again: when it was sent (its body may be cut short). */
	readonly savedAt?: number;
};

export type RequestPhase =
	| {readonly kind: 'idle'}
	/** The form cannot be sent as it is (JSON body, header line, path). */
	| {readonly kind: 'draft-problem'; readonly problem: DraftProblem}
	/** Pre-flight stopped the send: refused, or waiting for a confirmation. */
	| {
			readonly kind: 'preflight';
			readonly preflight: Preflight;
			readonly request: BuiltRequest;
			readonly token: string;
	  }
	| {readonly kind: 'sending'; readonly request: BuiltRequest}
	| {readonly kind: 'loading'; readonly text: string}
	| {readonly kind: 'refreshing'}
	| {readonly kind: 'refresh-failed'; readonly problem: AuthProblem}
	| {readonly kind: 'cancelled'};

export type RequestController = {
	readonly phase: RequestPhase;
	/** The last answer (or failure), kept while a new request is on its way. */
	readonly exchange?: Exchange;
	/** Newest API version of the instance; the org's saved one until the server says. */
	readonly apiVersion?: string;
	/** A refresh token is stored, so the session can be renewed. */
	readonly canRefresh: boolean;
	/** The session (after a refresh, with its new token). */
	readonly session: Session;
	readonly inFlight: boolean;
	/** Checks and sends; `confirmed` skips the pre-flight confirmation (never a refusal). */
	readonly send: (draft: RequestDraft, token: string, options?: {confirmed?: boolean}) => void;
	/** Sends the request pre-flight stopped, as it is. */
	readonly confirm: () => void;
	/** Closes a pre-flight, draft or refresh panel. */
	readonly dismiss: () => void;
	/** Stops what is in flight (a send, a page, a refresh); false when nothing was. */
	readonly cancel: () => boolean;
	/** Renews the session with the refresh token; resolves to the new token. */
	readonly refresh: () => Promise<string | undefined>;
	readonly loadMore: (nextRecordsUrl: string, all: boolean) => void;
};

export type RequestOptions = {
	readonly context: AuthContext;
	readonly session: Session;
	/** Saved orgs, to name the org another org's token belongs to. */
	readonly knownOrgs: readonly KnownOrg[];
	/** Called when an answer (or a failure to diagnose) arrives. */
	readonly onAnswer?: () => void;
	/** The answer to show before anything is sent (one kept in history). */
	readonly initialExchange?: Exchange;
};

/** A display name for an org: its name, else its alias. */
export function orgLabel(org: Session['org']): string {
	return org.orgName ?? org.alias;
}

function nextRecordsUrlOf(body: string): string | undefined {
	try {
		const json = JSON.parse(body) as unknown;
		if (typeof json !== 'object' || json === null) return undefined;
		const url = (json as Record<string, unknown>)['nextRecordsUrl'];
		return typeof url === 'string' ? url : undefined;
	} catch {
		return undefined;
	}
}

export function useRequest({
	context,
	session: initial,
	knownOrgs,
	onAnswer,
	initialExchange,
}: RequestOptions): RequestController {
	const [phase, setPhase] = useState<RequestPhase>({kind: 'idle'});
	const [exchange, setExchange] = useState<Exchange | undefined>(initialExchange);
	const [session, setSession] = useState(initial);
	const [apiVersion, setApiVersion] = useState(initial.org.apiVersion);
	const [canRefresh, setCanRefresh] = useState(false);
	const controller = useRef<AbortController | undefined>(undefined);
	// Read by callbacks that outlive a render (a page loop, a refresh).
	const sessionRef = useRef(session);
	const history = useContext(HistoryContext);
	const onAnswerRef = useRef(onAnswer);
	useEffect(() => {
		onAnswerRef.current = onAnswer;
	}, [onAnswer]);
	const {org} = session;

	useEffect(() => {
		const abort = new AbortController();
		void getLatestApiVersion(
			{instanceUrl: org.instanceUrl},
			callOptions(context, abort.signal),
		).then((result) => {
			if (result.ok) setApiVersion(result.value);
		});
		return () => {
			abort.abort();
		};
	}, [context, org.instanceUrl]);

	useEffect(() => {
		let live = true;
		context.secrets.read(secretAccount(org)).then(
			(tokens) => {
				if (live) setCanRefresh(tokens?.refreshToken !== undefined && org.clientId !== undefined);
			},
			() => {
				// An unreadable store is reported when a refresh is tried; here it only means "no".
			},
		);
		return () => {
			live = false;
		};
	}, [context, org]);

	useEffect(
		() => () => {
			controller.current?.abort();
		},
		[],
	);

	const target = useMemo(
		() => ({orgId: org.orgId, instanceUrl: org.instanceUrl, label: orgLabel(org)}),
		[org],
	);

	const start = (): AbortSignal => {
		controller.current?.abort();
		const abort = new AbortController();
		controller.current = abort;
		return abort.signal;
	};

	const transmit = useCallback(
		(request: BuiltRequest, token: string) => {
			const signal = start();
			setPhase({kind: 'sending', request});
			void sendRestRequest({
				instanceUrl: target.instanceUrl,
				accessToken: token,
				method: request.method,
				path: request.path,
				headers: request.headers,
				...(request.body === undefined ? {} : {body: request.body}),
				signal,
				...(context.http === undefined ? {} : {client: context.http}),
			}).then((result) => {
				if (signal.aborted) return;
				controller.current = undefined;
				if (!result.ok && result.failure.kind === 'network' && result.failure.code === 'aborted') {
					setPhase({kind: 'cancelled'});
					return;
				}

				// Every request that got an answer (or failed on the way) is kept, without its token.
				void history?.append(historyInputOf({org: sessionRef.current.org, request, result, token}));
				const outcome: Outcome = result.ok
					? {kind: 'response', response: result.value}
					: {kind: 'failure', failure: result.failure};
				const diagnosis = diagnose({
					request: {method: request.method, path: request.path},
					outcome: result.ok
						? responseOutcome(result.value)
						: {kind: 'failure', failure: result.failure},
					token,
					target,
					knownOrgs,
					canRefresh,
				});
				const contentType = result.ok ? result.value.headers['content-type'] : undefined;
				setExchange({
					request,
					token,
					outcome,
					...(diagnosis === undefined ? {} : {diagnosis}),
					pages: result.ok
						? [
								{
									body: result.value.body,
									label: '',
									...(contentType === undefined ? {} : {contentType}),
								},
							]
						: [],
				});
				setPhase({kind: 'idle'});
				onAnswerRef.current?.();
			});
		},
		[context, target, knownOrgs, canRefresh, history],
	);

	const send = useCallback(
		(draft: RequestDraft, token: string, options: {confirmed?: boolean} = {}) => {
			const built = buildRequest(draft, target.instanceUrl);
			if (!built.ok) {
				setPhase({kind: 'draft-problem', problem: built.problem});
				return;
			}

			const checked = preflight({token, target, path: draft.path, knownOrgs});
			if (
				checked.verdict === 'refuse' ||
				(checked.verdict === 'confirm' && options.confirmed !== true)
			) {
				setPhase({kind: 'preflight', preflight: checked, request: built.request, token});
				return;
			}

			transmit(built.request, token);
		},
		[target, knownOrgs, transmit],
	);

	const confirm = useCallback(() => {
		if (phase.kind !== 'preflight' || phase.preflight.verdict !== 'confirm') return;
		transmit(phase.request, phase.token);
	}, [phase, transmit]);

	const dismiss = useCallback(() => {
		setPhase((current) =>
			current.kind === 'sending' || current.kind === 'loading' || current.kind === 'refreshing'
				? current
				: {kind: 'idle'},
		);
	}, []);

	// Only work still in flight is cancelled: an answer that arrived just before the key stays.
	const cancel = useCallback((): boolean => {
		const inFlight = controller.current;
		if (inFlight === undefined) return false;
		inFlight.abort();
		controller.current = undefined;
		setPhase({kind: 'cancelled'});
		return true;
	}, []);

	const refresh = useCallback(async (): Promise<string | undefined> => {
		const signal = start();
		setPhase({kind: 'refreshing'});
		const renewed = await refreshSession(context, sessionRef.current, {signal});
		if (signal.aborted) return undefined;
		controller.current = undefined;
		if (!renewed.ok) {
			setPhase(
				renewed.problem.code === 'cancelled'
					? {kind: 'cancelled'}
					: {kind: 'refresh-failed', problem: renewed.problem},
			);
			return undefined;
		}

		sessionRef.current = renewed.value;
		setSession(renewed.value);
		setPhase({kind: 'idle'});
		return renewed.value.accessToken;
	}, [context]);

	const loadMore = useCallback(
		(nextRecordsUrl: string, all: boolean) => {
			const current = exchange;
			if (!current || current.outcome.kind !== 'response') return;
			const {request, token} = current;
			const signal = start();
			const load = async () => {
				let next: string | undefined = nextRecordsUrl;
				let pageNumber = current.pages.length + 1;
				while (next !== undefined) {
					setPhase({kind: 'loading', text: `Loading page ${pageNumber}… (Esc cancels)`});
					const result = await sendRestRequest({
						instanceUrl: target.instanceUrl,
						accessToken: token,
						method: 'GET',
						path: next,
						step: 'load-more',
						headers: request.headers,
						signal,
						...(context.http === undefined ? {} : {client: context.http}),
					});
					if (signal.aborted) return;
					const failed = !result.ok || result.value.status !== 200;
					if (failed) {
						const loadFailure = diagnose({
							request: {method: 'GET', path: next},
							outcome: result.ok
								? {kind: 'response', status: result.value.status, body: result.value.body}
								: {kind: 'failure', failure: result.failure},
							token,
							target,
							knownOrgs,
							canRefresh,
						});
						setExchange((previous) =>
							previous && loadFailure ? {...previous, loadFailure} : previous,
						);
						break;
					}

					const {body} = result.value;
					const contentType = result.value.headers['content-type'];
					const label = `page ${pageNumber} · ${next}`;
					setExchange((previous) =>
						previous
							? {
									...previous,
									pages: [
										...previous.pages,
										{body, label, ...(contentType === undefined ? {} : {contentType})},
									],
								}
							: previous,
					);
					pageNumber++;
					next = all ? nextRecordsUrlOf(body) : undefined;
				}

				controller.current = undefined;
				setPhase({kind: 'idle'});
			};

			void load();
		},
		[exchange, context, target, knownOrgs, canRefresh],
	);

	const inFlight =
		phase.kind === 'sending' || phase.kind === 'loading' || phase.kind === 'refreshing';
	return {
		phase,
		...(exchange === undefined ? {} : {exchange}),
		...(apiVersion === undefined ? {} : {apiVersion}),
		canRefresh,
		session,
		inFlight,
		send,
		confirm,
		dismiss,
		cancel,
		refresh,
		loadMore,
	};
}
