// Generated from the database schema by `npm run db:types`. Do not edit by hand.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  public: {
    Tables: {
      amendment_supports: {
        Row: {
          amendment_id: string
          created_at: string
          user_id: string
        }
        Insert: {
          amendment_id: string
          created_at?: string
          user_id?: string
        }
        Update: {
          amendment_id?: string
          created_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'amendment_supports_amendment_id_fkey'
            columns: ['amendment_id']
            isOneToOne: false
            referencedRelation: 'amendments'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'amendment_supports_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      amendments: {
        Row: {
          accepted_version: number | null
          base_body: Json
          base_version: number
          body: Json
          body_text: string
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_reason: string | null
          id: string
          proposal_id: string
          reason: string
          status: Database['public']['Enums']['amendment_status']
          suggester_id: string
          supporters_count: number
        }
        Insert: {
          accepted_version?: number | null
          base_body?: Json
          base_version?: number
          body: Json
          body_text?: string
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_reason?: string | null
          id?: string
          proposal_id: string
          reason: string
          status?: Database['public']['Enums']['amendment_status']
          suggester_id?: string
          supporters_count?: number
        }
        Update: {
          accepted_version?: number | null
          base_body?: Json
          base_version?: number
          body?: Json
          body_text?: string
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_reason?: string | null
          id?: string
          proposal_id?: string
          reason?: string
          status?: Database['public']['Enums']['amendment_status']
          suggester_id?: string
          supporters_count?: number
        }
        Relationships: [
          {
            foreignKeyName: 'amendments_decided_by_fkey'
            columns: ['decided_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'amendments_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'amendments_suggester_id_fkey'
            columns: ['suggester_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      audit_log: {
        Row: {
          action: string
          actor_id: string | null
          actor_name: string | null
          comment_id: string | null
          created_at: string
          details: Json
          from_status: string | null
          group_id: string | null
          id: number
          proposal_id: string | null
          reason: string | null
          target_user_id: string | null
          to_status: string | null
        }
        Insert: {
          action: string
          actor_id?: string | null
          actor_name?: string | null
          comment_id?: string | null
          created_at?: string
          details?: Json
          from_status?: string | null
          group_id?: string | null
          id?: never
          proposal_id?: string | null
          reason?: string | null
          target_user_id?: string | null
          to_status?: string | null
        }
        Update: {
          action?: string
          actor_id?: string | null
          actor_name?: string | null
          comment_id?: string | null
          created_at?: string
          details?: Json
          from_status?: string | null
          group_id?: string | null
          id?: never
          proposal_id?: string | null
          reason?: string | null
          target_user_id?: string | null
          to_status?: string | null
        }
        Relationships: []
      }
      ballot_options: {
        Row: {
          ballot_id: string
          position: number
          proposal_id: string
        }
        Insert: {
          ballot_id: string
          position: number
          proposal_id: string
        }
        Update: {
          ballot_id?: string
          position?: number
          proposal_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'ballot_options_ballot_id_fkey'
            columns: ['ballot_id']
            isOneToOne: false
            referencedRelation: 'ballots'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'ballot_options_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      ballot_papers: {
        Row: {
          ballot_id: string
          cast_at: string
          ranking: string[]
          region: string | null
          updated_at: string
          voter_id: string
        }
        Insert: {
          ballot_id: string
          cast_at?: string
          ranking: string[]
          region?: string | null
          updated_at?: string
          voter_id: string
        }
        Update: {
          ballot_id?: string
          cast_at?: string
          ranking?: string[]
          region?: string | null
          updated_at?: string
          voter_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'ballot_papers_ballot_id_fkey'
            columns: ['ballot_id']
            isOneToOne: false
            referencedRelation: 'ballots'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'ballot_papers_region_fkey'
            columns: ['region']
            isOneToOne: false
            referencedRelation: 'regions'
            referencedColumns: ['slug']
          },
          {
            foreignKeyName: 'ballot_papers_voter_id_fkey'
            columns: ['voter_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      ballot_round_votes: {
        Row: {
          ballot_id: string
          proposal_id: string
          round: number
          votes: number
        }
        Insert: {
          ballot_id: string
          proposal_id: string
          round: number
          votes: number
        }
        Update: {
          ballot_id?: string
          proposal_id?: string
          round?: number
          votes?: number
        }
        Relationships: [
          {
            foreignKeyName: 'ballot_round_votes_ballot_id_round_fkey'
            columns: ['ballot_id', 'round']
            isOneToOne: false
            referencedRelation: 'ballot_rounds'
            referencedColumns: ['ballot_id', 'round']
          },
          {
            foreignKeyName: 'ballot_round_votes_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      ballot_rounds: {
        Row: {
          ballot_id: string
          elected_id: string | null
          eliminated_id: string | null
          exhausted: number
          live: number
          round: number
          tie_break: string | null
        }
        Insert: {
          ballot_id: string
          elected_id?: string | null
          eliminated_id?: string | null
          exhausted: number
          live: number
          round: number
          tie_break?: string | null
        }
        Update: {
          ballot_id?: string
          elected_id?: string | null
          eliminated_id?: string | null
          exhausted?: number
          live?: number
          round?: number
          tie_break?: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'ballot_rounds_ballot_id_fkey'
            columns: ['ballot_id']
            isOneToOne: false
            referencedRelation: 'ballots'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'ballot_rounds_elected_id_fkey'
            columns: ['elected_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'ballot_rounds_eliminated_id_fkey'
            columns: ['eliminated_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      ballot_transfers: {
        Row: {
          ballot_id: string
          ballots: number
          round: number
          to_proposal_id: string | null
        }
        Insert: {
          ballot_id: string
          ballots: number
          round: number
          to_proposal_id?: string | null
        }
        Update: {
          ballot_id?: string
          ballots?: number
          round?: number
          to_proposal_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'ballot_transfers_ballot_id_round_fkey'
            columns: ['ballot_id', 'round']
            isOneToOne: false
            referencedRelation: 'ballot_rounds'
            referencedColumns: ['ballot_id', 'round']
          },
          {
            foreignKeyName: 'ballot_transfers_to_proposal_id_fkey'
            columns: ['to_proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      ballots: {
        Row: {
          ballot_count: number
          closes_at: string
          counted_at: string | null
          created_at: string
          eligible_count: number | null
          forwarded_at: string | null
          group_id: string
          id: string
          opens_at: string
          question: string
          tie_seed: string | null
          winner_id: string | null
        }
        Insert: {
          ballot_count?: number
          closes_at: string
          counted_at?: string | null
          created_at?: string
          eligible_count?: number | null
          forwarded_at?: string | null
          group_id: string
          id?: string
          opens_at: string
          question: string
          tie_seed?: string | null
          winner_id?: string | null
        }
        Update: {
          ballot_count?: number
          closes_at?: string
          counted_at?: string | null
          created_at?: string
          eligible_count?: number | null
          forwarded_at?: string | null
          group_id?: string
          id?: string
          opens_at?: string
          question?: string
          tie_seed?: string | null
          winner_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'ballots_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'ballots_winner_id_fkey'
            columns: ['winner_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      campaign: {
        Row: {
          id: boolean
          intro: string
          name: string
          region_name: string
          slogan: string
          updated_at: string
        }
        Insert: {
          id?: boolean
          intro?: string
          name: string
          region_name?: string
          slogan?: string
          updated_at?: string
        }
        Update: {
          id?: boolean
          intro?: string
          name?: string
          region_name?: string
          slogan?: string
          updated_at?: string
        }
        Relationships: []
      }
      candidate_answer_drafts: {
        Row: {
          created_at: string
          decision: Database['public']['Enums']['candidate_decision']
          drafted_by: string
          explanation: string
          proposal_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          decision: Database['public']['Enums']['candidate_decision']
          drafted_by?: string
          explanation: string
          proposal_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          decision?: Database['public']['Enums']['candidate_decision']
          drafted_by?: string
          explanation?: string
          proposal_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'candidate_answer_drafts_drafted_by_fkey'
            columns: ['drafted_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'candidate_answer_drafts_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: true
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      candidate_response_versions: {
        Row: {
          corrected_at: string
          decision: Database['public']['Enums']['candidate_decision']
          explanation: string
          id: string
          proposal_id: string
          published_at: string
        }
        Insert: {
          corrected_at?: string
          decision: Database['public']['Enums']['candidate_decision']
          explanation: string
          id?: string
          proposal_id: string
          published_at: string
        }
        Update: {
          corrected_at?: string
          decision?: Database['public']['Enums']['candidate_decision']
          explanation?: string
          id?: string
          proposal_id?: string
          published_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'candidate_response_versions_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'candidate_responses'
            referencedColumns: ['proposal_id']
          },
        ]
      }
      candidate_responses: {
        Row: {
          decision: Database['public']['Enums']['candidate_decision']
          explanation: string
          proposal_id: string
          responded_at: string
          responded_by: string | null
          updated_at: string
        }
        Insert: {
          decision: Database['public']['Enums']['candidate_decision']
          explanation: string
          proposal_id: string
          responded_at?: string
          responded_by?: string | null
          updated_at?: string
        }
        Update: {
          decision?: Database['public']['Enums']['candidate_decision']
          explanation?: string
          proposal_id?: string
          responded_at?: string
          responded_by?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'candidate_responses_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: true
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'candidate_responses_responded_by_fkey'
            columns: ['responded_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      comments: {
        Row: {
          author_id: string
          body: string
          created_at: string
          deleted_at: string | null
          depth: number
          edited_at: string | null
          hidden_at: string | null
          hidden_automatically: boolean
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          parent_id: string | null
          proposal_id: string
          root_id: string | null
          stance: Database['public']['Enums']['comment_stance'] | null
        }
        Insert: {
          author_id?: string
          body: string
          created_at?: string
          deleted_at?: string | null
          depth?: number
          edited_at?: string | null
          hidden_at?: string | null
          hidden_automatically?: boolean
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          parent_id?: string | null
          proposal_id: string
          root_id?: string | null
          stance?: Database['public']['Enums']['comment_stance'] | null
        }
        Update: {
          author_id?: string
          body?: string
          created_at?: string
          deleted_at?: string | null
          depth?: number
          edited_at?: string | null
          hidden_at?: string | null
          hidden_automatically?: boolean
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          parent_id?: string | null
          proposal_id?: string
          root_id?: string | null
          stance?: Database['public']['Enums']['comment_stance'] | null
        }
        Relationships: [
          {
            foreignKeyName: 'comments_author_id_fkey'
            columns: ['author_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'comments_hidden_by_fkey'
            columns: ['hidden_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'comments_parent_id_fkey'
            columns: ['parent_id']
            isOneToOne: false
            referencedRelation: 'comments'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'comments_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      commitments: {
        Row: {
          body: string
          group_id: string | null
          id: string
          position: number
          title: string
        }
        Insert: {
          body?: string
          group_id?: string | null
          id?: string
          position?: number
          title: string
        }
        Update: {
          body?: string
          group_id?: string | null
          id?: string
          position?: number
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: 'commitments_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
        ]
      }
      flags: {
        Row: {
          category: Database['public']['Enums']['flag_category']
          comment_id: string | null
          created_at: string
          group_id: string
          id: string
          proposal_id: string | null
          reason: string
          reporter_has_standing: boolean
          reporter_id: string
          resolution_note: string | null
          resolved_at: string | null
          resolved_by: string | null
          status: Database['public']['Enums']['flag_status']
        }
        Insert: {
          category?: Database['public']['Enums']['flag_category']
          comment_id?: string | null
          created_at?: string
          group_id: string
          id?: string
          proposal_id?: string | null
          reason: string
          reporter_has_standing?: boolean
          reporter_id?: string
          resolution_note?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          status?: Database['public']['Enums']['flag_status']
        }
        Update: {
          category?: Database['public']['Enums']['flag_category']
          comment_id?: string | null
          created_at?: string
          group_id?: string
          id?: string
          proposal_id?: string | null
          reason?: string
          reporter_has_standing?: boolean
          reporter_id?: string
          resolution_note?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          status?: Database['public']['Enums']['flag_status']
        }
        Relationships: [
          {
            foreignKeyName: 'flags_comment_id_fkey'
            columns: ['comment_id']
            isOneToOne: false
            referencedRelation: 'comments'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'flags_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'flags_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'flags_reporter_id_fkey'
            columns: ['reporter_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'flags_resolved_by_fkey'
            columns: ['resolved_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      follows: {
        Row: {
          created_at: string
          group_id: string | null
          id: number
          proposal_id: string | null
          user_id: string
        }
        Insert: {
          created_at?: string
          group_id?: string | null
          id?: never
          proposal_id?: string | null
          user_id?: string
        }
        Update: {
          created_at?: string
          group_id?: string | null
          id?: never
          proposal_id?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'follows_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'follows_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'follows_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      forwarded_proposals: {
        Row: {
          forwarding_id: string
          proposal_id: string
        }
        Insert: {
          forwarding_id: string
          proposal_id: string
        }
        Update: {
          forwarding_id?: string
          proposal_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'forwarded_proposals_forwarding_id_fkey'
            columns: ['forwarding_id']
            isOneToOne: false
            referencedRelation: 'shortlist_forwardings'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'forwarded_proposals_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: true
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      group_mail: {
        Row: {
          following: boolean
          group_id: string
          updated_at: string
          user_id: string
        }
        Insert: {
          following: boolean
          group_id: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          following?: boolean
          group_id?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'group_mail_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'group_mail_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      group_members: {
        Row: {
          active_month: string | null
          decided_by: string | null
          group_id: string
          joined_at: string | null
          participated_at: string | null
          requested_at: string
          role: Database['public']['Enums']['group_role']
          seen_at: string | null
          status: Database['public']['Enums']['membership_status']
          user_id: string
        }
        Insert: {
          active_month?: string | null
          decided_by?: string | null
          group_id: string
          joined_at?: string | null
          participated_at?: string | null
          requested_at?: string
          role?: Database['public']['Enums']['group_role']
          seen_at?: string | null
          status?: Database['public']['Enums']['membership_status']
          user_id: string
        }
        Update: {
          active_month?: string | null
          decided_by?: string | null
          group_id?: string
          joined_at?: string | null
          participated_at?: string | null
          requested_at?: string
          role?: Database['public']['Enums']['group_role']
          seen_at?: string | null
          status?: Database['public']['Enums']['membership_status']
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'group_members_decided_by_fkey'
            columns: ['decided_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'group_members_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'group_members_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      groups: {
        Row: {
          archived_at: string | null
          created_at: string
          created_by: string | null
          description: string
          facilitator_note: string
          facilitator_note_updated_at: string | null
          horizon: Database['public']['Enums']['group_horizon']
          id: string
          join_policy: Database['public']['Enums']['join_policy']
          member_count: number
          name: string
          position: number
          shortlist_boroughs: number
          shortlist_supporters: number | null
          slug: string
          standing_days: number
          summary: string
          updated_at: string
        }
        Insert: {
          archived_at?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          facilitator_note?: string
          facilitator_note_updated_at?: string | null
          horizon: Database['public']['Enums']['group_horizon']
          id?: string
          join_policy?: Database['public']['Enums']['join_policy']
          member_count?: number
          name: string
          position?: number
          shortlist_boroughs?: number
          shortlist_supporters?: number | null
          slug: string
          standing_days?: number
          summary: string
          updated_at?: string
        }
        Update: {
          archived_at?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          facilitator_note?: string
          facilitator_note_updated_at?: string | null
          horizon?: Database['public']['Enums']['group_horizon']
          id?: string
          join_policy?: Database['public']['Enums']['join_policy']
          member_count?: number
          name?: string
          position?: number
          shortlist_boroughs?: number
          shortlist_supporters?: number | null
          slug?: string
          standing_days?: number
          summary?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'groups_created_by_fkey'
            columns: ['created_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      mail_preferences: {
        Row: {
          digest_hour: number
          digest_weekday: number
          facilitation: Database['public']['Enums']['mail_cadence']
          group_activity: Database['public']['Enums']['mail_cadence']
          my_proposals: Database['public']['Enums']['mail_cadence']
          replies: Database['public']['Enums']['mail_cadence']
          supported: Database['public']['Enums']['mail_cadence']
          time_zone: string
          updated_at: string
          user_id: string
        }
        Insert: {
          digest_hour?: number
          digest_weekday?: number
          facilitation?: Database['public']['Enums']['mail_cadence']
          group_activity?: Database['public']['Enums']['mail_cadence']
          my_proposals?: Database['public']['Enums']['mail_cadence']
          replies?: Database['public']['Enums']['mail_cadence']
          supported?: Database['public']['Enums']['mail_cadence']
          time_zone?: string
          updated_at?: string
          user_id: string
        }
        Update: {
          digest_hour?: number
          digest_weekday?: number
          facilitation?: Database['public']['Enums']['mail_cadence']
          group_activity?: Database['public']['Enums']['mail_cadence']
          my_proposals?: Database['public']['Enums']['mail_cadence']
          replies?: Database['public']['Enums']['mail_cadence']
          supported?: Database['public']['Enums']['mail_cadence']
          time_zone?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'mail_preferences_user_id_fkey'
            columns: ['user_id']
            isOneToOne: true
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      notifications: {
        Row: {
          actor_id: string | null
          amendment_id: string | null
          body: string
          comment_id: string | null
          created_at: string
          group_id: string | null
          id: string
          kind: Database['public']['Enums']['notification_kind']
          proposal_id: string | null
          read_at: string | null
          user_id: string
        }
        Insert: {
          actor_id?: string | null
          amendment_id?: string | null
          body: string
          comment_id?: string | null
          created_at?: string
          group_id?: string | null
          id?: string
          kind: Database['public']['Enums']['notification_kind']
          proposal_id?: string | null
          read_at?: string | null
          user_id: string
        }
        Update: {
          actor_id?: string | null
          amendment_id?: string | null
          body?: string
          comment_id?: string | null
          created_at?: string
          group_id?: string | null
          id?: string
          kind?: Database['public']['Enums']['notification_kind']
          proposal_id?: string | null
          read_at?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'notifications_actor_id_fkey'
            columns: ['actor_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'notifications_amendment_id_fkey'
            columns: ['amendment_id']
            isOneToOne: false
            referencedRelation: 'amendments'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'notifications_comment_id_fkey'
            columns: ['comment_id']
            isOneToOne: false
            referencedRelation: 'comments'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'notifications_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'notifications_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'notifications_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      privacy_consents: {
        Row: {
          consented_at: string
          notice_version: string
          user_id: string
        }
        Insert: {
          consented_at?: string
          notice_version: string
          user_id: string
        }
        Update: {
          consented_at?: string
          notice_version?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'privacy_consents_user_id_fkey'
            columns: ['user_id']
            isOneToOne: true
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      profiles: {
        Row: {
          bio: string
          borough_public: boolean
          created_at: string
          deleted_at: string | null
          display_name: string
          id: string
          region: string | null
          updated_at: string
          role_badge: string | null
        }
        Insert: {
          bio?: string
          borough_public?: boolean
          created_at?: string
          deleted_at?: string | null
          display_name: string
          id: string
          region?: string | null
          updated_at?: string
        }
        Update: {
          bio?: string
          borough_public?: boolean
          created_at?: string
          deleted_at?: string | null
          display_name?: string
          id?: string
          region?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'profiles_region_fkey'
            columns: ['region']
            isOneToOne: false
            referencedRelation: 'regions'
            referencedColumns: ['slug']
          },
        ]
      }
      proposal_authors: {
        Row: {
          accepted_at: string | null
          added_at: string
          added_by: string | null
          proposal_id: string
          role: Database['public']['Enums']['author_role']
          user_id: string
        }
        Insert: {
          accepted_at?: string | null
          added_at?: string
          added_by?: string | null
          proposal_id: string
          role?: Database['public']['Enums']['author_role']
          user_id: string
        }
        Update: {
          accepted_at?: string | null
          added_at?: string
          added_by?: string | null
          proposal_id?: string
          role?: Database['public']['Enums']['author_role']
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'proposal_authors_added_by_fkey'
            columns: ['added_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposal_authors_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposal_authors_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      proposal_counts: {
        Row: {
          group_id: string
          hidden: boolean
          proposals: number
          status: Database['public']['Enums']['proposal_status']
        }
        Insert: {
          group_id: string
          hidden: boolean
          proposals?: number
          status: Database['public']['Enums']['proposal_status']
        }
        Update: {
          group_id?: string
          hidden?: boolean
          proposals?: number
          status?: Database['public']['Enums']['proposal_status']
        }
        Relationships: [
          {
            foreignKeyName: 'proposal_counts_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
        ]
      }
      proposal_region_tallies: {
        Row: {
          oppose: number
          proposal_id: string
          region: string
          support: number
        }
        Insert: {
          oppose?: number
          proposal_id: string
          region: string
          support?: number
        }
        Update: {
          oppose?: number
          proposal_id?: string
          region?: string
          support?: number
        }
        Relationships: [
          {
            foreignKeyName: 'proposal_region_tallies_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposal_region_tallies_region_fkey'
            columns: ['region']
            isOneToOne: false
            referencedRelation: 'regions'
            referencedColumns: ['slug']
          },
        ]
      }
      proposal_revisions: {
        Row: {
          amendment_id: string | null
          body: Json
          change_note: string | null
          created_at: string
          editor_id: string | null
          id: number
          proposal_id: string
          summary: string
          title: string
          updated_at: string
          version: number
        }
        Insert: {
          amendment_id?: string | null
          body: Json
          change_note?: string | null
          created_at?: string
          editor_id?: string | null
          id?: never
          proposal_id: string
          summary: string
          title: string
          updated_at?: string
          version: number
        }
        Update: {
          amendment_id?: string | null
          body?: Json
          change_note?: string | null
          created_at?: string
          editor_id?: string | null
          id?: never
          proposal_id?: string
          summary?: string
          title?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: 'proposal_revisions_amendment_id_fkey'
            columns: ['amendment_id']
            isOneToOne: false
            referencedRelation: 'amendments'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposal_revisions_editor_id_fkey'
            columns: ['editor_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposal_revisions_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      proposals: {
        Row: {
          amendments_accepted: number
          amendments_declined: number
          amendments_open: number
          author_id: string
          body: Json
          body_text: string
          change_note: string | null
          comment_count: number
          created_at: string
          group_id: string
          hidden_at: string | null
          hidden_automatically: boolean
          hidden_by: string | null
          hidden_reason: string | null
          hot_score: number | null
          id: string
          merged_into: string | null
          oppose_count: number
          pinned: boolean
          published_at: string | null
          ready_at: string | null
          region_score: number
          search: unknown | null
          status: Database['public']['Enums']['proposal_status']
          status_changed_at: string | null
          status_reason: string | null
          summary: string
          support_count: number
          title: string
          top_score: number
          updated_at: string
          version: number
        }
        Insert: {
          amendments_accepted?: number
          amendments_declined?: number
          amendments_open?: number
          author_id?: string
          body: Json
          body_text?: string
          change_note?: string | null
          comment_count?: number
          created_at?: string
          group_id: string
          hidden_at?: string | null
          hidden_automatically?: boolean
          hidden_by?: string | null
          hidden_reason?: string | null
          hot_score?: number | null
          id?: string
          merged_into?: string | null
          oppose_count?: number
          pinned?: boolean
          published_at?: string | null
          ready_at?: string | null
          region_score?: number
          search?: never
          status?: Database['public']['Enums']['proposal_status']
          status_changed_at?: string | null
          status_reason?: string | null
          summary?: string
          support_count?: number
          title: string
          top_score?: number
          updated_at?: string
          version?: number
        }
        Update: {
          amendments_accepted?: number
          amendments_declined?: number
          amendments_open?: number
          author_id?: string
          body?: Json
          body_text?: string
          change_note?: string | null
          comment_count?: number
          created_at?: string
          group_id?: string
          hidden_at?: string | null
          hidden_automatically?: boolean
          hidden_by?: string | null
          hidden_reason?: string | null
          hot_score?: number | null
          id?: string
          merged_into?: string | null
          oppose_count?: number
          pinned?: boolean
          published_at?: string | null
          ready_at?: string | null
          region_score?: number
          search?: never
          status?: Database['public']['Enums']['proposal_status']
          status_changed_at?: string | null
          status_reason?: string | null
          summary?: string
          support_count?: number
          title?: string
          top_score?: number
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: 'proposals_author_id_fkey'
            columns: ['author_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposals_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposals_hidden_by_fkey'
            columns: ['hidden_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'proposals_merged_into_fkey'
            columns: ['merged_into']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
        ]
      }
      regions: {
        Row: {
          is_borough: boolean
          name: string
          position: number
          slug: string
        }
        Insert: {
          is_borough?: boolean
          name: string
          position?: number
          slug: string
        }
        Update: {
          is_borough?: boolean
          name?: string
          position?: number
          slug?: string
        }
        Relationships: []
      }
      shortlist_forwardings: {
        Row: {
          ballot_id: string | null
          cover_note: string
          forwarded_at: string
          forwarded_by: string | null
          group_id: string
          id: string
          proposal_count: number
        }
        Insert: {
          ballot_id?: string | null
          cover_note?: string
          forwarded_at?: string
          forwarded_by?: string | null
          group_id: string
          id?: string
          proposal_count?: number
        }
        Update: {
          ballot_id?: string | null
          cover_note?: string
          forwarded_at?: string
          forwarded_by?: string | null
          group_id?: string
          id?: string
          proposal_count?: number
        }
        Relationships: [
          {
            foreignKeyName: 'shortlist_forwardings_ballot_id_fkey'
            columns: ['ballot_id']
            isOneToOne: false
            referencedRelation: 'ballots'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'shortlist_forwardings_forwarded_by_fkey'
            columns: ['forwarded_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'shortlist_forwardings_group_id_fkey'
            columns: ['group_id']
            isOneToOne: false
            referencedRelation: 'groups'
            referencedColumns: ['id']
          },
        ]
      }
      site_roles: {
        Row: {
          granted_at: string
          granted_by: string | null
          role: Database['public']['Enums']['site_role']
          user_id: string
        }
        Insert: {
          granted_at?: string
          granted_by?: string | null
          role: Database['public']['Enums']['site_role']
          user_id: string
        }
        Update: {
          granted_at?: string
          granted_by?: string | null
          role?: Database['public']['Enums']['site_role']
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: 'site_roles_granted_by_fkey'
            columns: ['granted_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'site_roles_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      votes: {
        Row: {
          created_at: string
          proposal_id: string
          region: string | null
          updated_at: string
          user_id: string
          value: number
        }
        Insert: {
          created_at?: string
          proposal_id: string
          region?: string | null
          updated_at?: string
          user_id?: string
          value: number
        }
        Update: {
          created_at?: string
          proposal_id?: string
          region?: string | null
          updated_at?: string
          user_id?: string
          value?: number
        }
        Relationships: [
          {
            foreignKeyName: 'votes_proposal_id_fkey'
            columns: ['proposal_id']
            isOneToOne: false
            referencedRelation: 'proposals'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'votes_region_fkey'
            columns: ['region']
            isOneToOne: false
            referencedRelation: 'regions'
            referencedColumns: ['slug']
          },
          {
            foreignKeyName: 'votes_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
    }
    Views: {}
    Functions: {
      answer_proposal: {
        Args: {
          proposal_id: string
          decision: string
          explanation: string
        }
        Returns: Database['public']['Tables']['candidate_responses']['Row']
      }
      ballot_turnout: {
        Args: {
          ballot_id: string
        }
        Returns: { region: string; eligible: number; voted: number; fewer_than_5: boolean }[]
      }
      borough_support: {
        Args: {
          proposal_ids: string[]
        }
        Returns: {
          proposal_id: string
          region: string
          support: number
          oppose: number
          fewer_than_5: boolean
        }[]
      }
      can_edit_proposal: {
        Args: {
          target: string
        }
        Returns: boolean
      }
      cast_ballot: {
        Args: {
          ballot_id: string
          ranking: string[]
        }
        Returns: undefined
      }
      close_ballot: {
        Args: {
          ballot_id: string
        }
        Returns: undefined
      }
      count_ballot: {
        Args: {
          ballot_id: string
        }
        Returns: boolean
      }
      delete_comment: {
        Args: {
          comment_id: string
        }
        Returns: undefined
      }
      delete_my_account: {
        Args: never
        Returns: undefined
      }
      display_name_problem: {
        Args: {
          name: string
        }
        Returns: string
      }
      find_members: {
        Args: {
          query: string
          in_group?: string
          result_limit?: number
        }
        Returns: {
          id: string
          display_name: string
          borough: string
          joined_at: string
          email: string
        }[]
      }
      flag_content: {
        Args: {
          reason: string
          proposal_id?: string
          comment_id?: string
          category?: string
        }
        Returns: Database['public']['Tables']['flags']['Row']
      }
      forward_ballot_winner: {
        Args: {
          ballot_id: string
          cover_note?: string
        }
        Returns: string
      }
      forward_shortlist: {
        Args: {
          group_id: string
          cover_note?: string
        }
        Returns: number
      }
      group_participation: {
        Args: {
          group_id: string
        }
        Returns: {
          region: string
          members: number
          active_this_month: number
          proposals: number
          votes: number
          ballot_eligible: number
          ballot_voted: number
          fewer_than_5: boolean
        }[]
      }
      mark_all_notifications_read: {
        Args: never
        Returns: number
      }
      mark_group_seen: {
        Args: {
          p_group: string
        }
        Returns: undefined
      }
      moderation_actors: {
        Args: {
          group_id?: string
        }
        Returns: {
          action: string
          target_id: string
          target_user_id: string
          actor_id: string
          actor_name: string
        }[]
      }
      my_borough: {
        Args: never
        Returns: { region: string; borough_public: boolean }[]
      }
      my_groups_since_last_visit: {
        Args: never
        Returns: {
          group_id: string
          slug: string
          name: string
          role: Database['public']['Enums']['group_role']
          status: Database['public']['Enums']['membership_status']
          since: string
          new_proposals: number
        }[]
      }
      my_moved_proposals: {
        Args: {
          most?: number
        }
        Returns: {
          proposal_id: string
          title: string
          status: Database['public']['Enums']['proposal_status']
          group_slug: string
          group_name: string
          moved_at: string
        }[]
      }
      my_proposal_state: {
        Args: {
          target: string
          with_regions?: boolean
        }
        Returns: Json
      }
      my_standing: {
        Args: {
          group_id: string
        }
        Returns: {
          has_standing: boolean
          is_active_member: boolean
          is_facilitator: boolean
          is_admin: boolean
          has_participated: boolean
          standing_days: number
          joined_at: string
          standing_from: string
        }[]
      }
      open_ballot: {
        Args: {
          group_id: string
          question: string
          proposal_ids: string[]
          opens_at: string
          closes_at: string
        }
        Returns: string
      }
      page_frame: {
        Args: {
          unread_up_to?: number
          group_slug?: string
        }
        Returns: Json
      }
      page_frame_of_proposal: {
        Args: {
          unread_up_to?: number
          group_slug?: string
          proposal_id?: string
        }
        Returns: Json
      }
      publish_answer: {
        Args: {
          proposal_id: string
        }
        Returns: Database['public']['Tables']['candidate_responses']['Row']
      }
      publish_proposal: {
        Args: {
          proposal_id: string
        }
        Returns: Database['public']['Tables']['proposals']['Row']
      }
      read_hidden_comment: {
        Args: {
          comment_id: string
        }
        Returns: string
      }
      recount_ballot: {
        Args: {
          ballot_id: string
        }
        Returns: Json
      }
      resolve_flag: {
        Args: {
          flag_id: string
          decision: string
          public_reason?: string
        }
        Returns: Database['public']['Tables']['flags']['Row']
      }
      role_badge: {
        Args: { '': Database['public']['Tables']['profiles']['Row'] }
        Returns: string
      }
      search_proposals: {
        Args: {
          query: string
          group_slug?: string
          result_limit?: number
          result_offset?: number
        }
        Returns: {
          id: string
          title: string
          summary: string
          status: Database['public']['Enums']['proposal_status']
          group_slug: string
          group_name: string
          published_at: string
          support_count: number
          rank: number
          excerpt: string
        }[]
      }
      set_proposal_pinned: {
        Args: {
          proposal_id: string
          pinned: boolean
        }
        Returns: Database['public']['Tables']['proposals']['Row']
      }
      similar_proposals: {
        Args: {
          target_group: string
          title: string
          exclude?: string
          max_results?: number
        }
        Returns: {
          id: string
          title: string
          summary: string
          status: Database['public']['Enums']['proposal_status']
          support_count: number
          similarity: number
        }[]
      }
      transition_proposal: {
        Args: {
          proposal_id: string
          action: string
          reason?: string
          merge_target?: string
        }
        Returns: Database['public']['Tables']['proposals']['Row']
      }
      unhide_content: {
        Args: {
          proposal_id?: string
          comment_id?: string
          note?: string
        }
        Returns: undefined
      }
      unsubscribe: {
        Args: {
          token: string
          choice?: Database['public']['Enums']['mail_cadence']
        }
        Returns: string
      }
      unsubscribe_link: {
        Args: {
          token: string
        }
        Returns: { topic: string; cadence: Database['public']['Enums']['mail_cadence'] }[]
      }
      update_group_note: {
        Args: {
          group_id: string
          note: string
        }
        Returns: Database['public']['Tables']['groups']['Row']
      }
    }
    Enums: {
      amendment_status: 'open' | 'accepted' | 'declined'
      author_role: 'author' | 'coauthor'
      candidate_decision: 'adopted' | 'considering' | 'declined'
      comment_stance: 'for' | 'against' | 'neutral'
      flag_category: 'spam' | 'abuse' | 'off_topic' | 'personal_data' | 'other'
      flag_status: 'open' | 'upheld' | 'dismissed'
      group_horizon: 'quick_win' | 'strategic' | 'long_term'
      group_role: 'member' | 'facilitator'
      join_policy: 'open' | 'request'
      mail_cadence: 'immediately' | 'daily' | 'weekly' | 'off'
      membership_status: 'active' | 'pending'
      notification_kind:
        | 'comment_on_proposal'
        | 'reply_to_comment'
        | 'proposal_status'
        | 'candidate_answer'
        | 'merge_invitation'
        | 'join_request'
        | 'join_approved'
        | 'join_declined'
        | 'coauthor_invitation'
        | 'proposal_forwarded'
        | 'amendment_suggested'
        | 'amendment_accepted'
        | 'amendment_declined'
        | 'proposal_ready'
        | 'mention'
        | 'followed_proposal_comment'
        | 'followed_group_proposal'
        | 'proposal_edited'
        | 'ballot_result'
      proposal_status:
        | 'draft'
        | 'open'
        | 'shortlisted'
        | 'forwarded'
        | 'adopted'
        | 'considering'
        | 'declined'
        | 'archived'
        | 'merged'
      site_role: 'admin' | 'candidate'
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type PublicSchema = Database['public']
export type Tables<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Row']
export type TablesInsert<T extends keyof PublicSchema['Tables']> =
  PublicSchema['Tables'][T]['Insert']
export type TablesUpdate<T extends keyof PublicSchema['Tables']> =
  PublicSchema['Tables'][T]['Update']
export type Enums<T extends keyof PublicSchema['Enums']> = PublicSchema['Enums'][T]
