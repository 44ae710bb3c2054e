/**
 * What a click on the map means right now. One shared mode, so tools that take
 * over the map (measuring, picking a point, placing a comment pin) never race
 * each other, and the feature-card click handler can stand aside while they work.
 */
export type InteractionMode = 'browse' | 'measure' | 'pick' | 'comment';

class Interaction {
  mode = $state<InteractionMode>('browse');
}

export const interaction = new Interaction();
