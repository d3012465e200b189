import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {TextField} from '../../components/text-field/text-field.js';
import {useTextFieldState} from '../../components/text-field/use-text-field-state.js';
import {isValidClientId} from '../../store/client-ids.js';
import {clientIdFeedback} from './method-choices.js';

export type ClientIdPromptProps = {
	/** The login host the key is remembered for. */
	readonly host: string;
	readonly initialValue?: string;
	readonly columns: number;
	readonly isActive: boolean;
	readonly onSubmit: (clientId: string) => void;
};

/**
 * Asks for the consumer key of the user's External Client App, once per login host. Enter on a
 * key that cannot be one does nothing but keep the reason on screen.
 */
export function ClientIdPrompt({
	host,
	initialValue,
	columns,
	isActive,
	onSubmit,
}: ClientIdPromptProps) {
	const field = useTextFieldState(initialValue);
	const feedback = useMemo(() => clientIdFeedback(field.value, isValidClientId), [field.value]);
	const submit = (value: string) => {
		const text = value.trim();
		if (clientIdFeedback(text, isValidClientId).state !== 'refused' && text !== '') onSubmit(text);
	};

	return (
		<Box flexDirection="column">
			<Text>{`Consumer key of your External Client App (or connected app) for ${host}:`}</Text>
			<Box>
				<Text color="cyan">{'› '}</Text>
				<TextField
					field={field}
					width={Math.max(columns - 2, 1)}
					isActive={isActive}
					placeholder="3MVG9…"
					onSubmit={submit}
				/>
			</Box>
			<Box marginTop={1} flexDirection="column">
				{feedback.message === undefined ? (
					<Text dimColor>
						Asked once for this login host and remembered. No app yet? Press Esc, then ? for the
						setup steps.
					</Text>
				) : (
					<Text
						color={feedback.state === 'refused' ? 'red' : 'yellow'}
					>{`! ${feedback.message}`}</Text>
				)}
			</Box>
		</Box>
	);
}
