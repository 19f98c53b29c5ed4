// Generated from the database schema by `npm run db:types`. Do not edit by hand.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  public: {
    Tables: {
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
      group_members: {
        Row: {
          decided_by: string | null
          group_id: string
          joined_at: string | null
          requested_at: string
          role: Database['public']['Enums']['group_role']
          status: Database['public']['Enums']['membership_status']
          user_id: string
        }
        Insert: {
          decided_by?: string | null
          group_id: string
          joined_at?: string | null
          requested_at?: string
          role?: Database['public']['Enums']['group_role']
          status?: Database['public']['Enums']['membership_status']
          user_id: string
        }
        Update: {
          decided_by?: string | null
          group_id?: string
          joined_at?: string | null
          requested_at?: string
          role?: Database['public']['Enums']['group_role']
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
          horizon: Database['public']['Enums']['group_horizon']
          id: string
          join_policy: Database['public']['Enums']['join_policy']
          member_count: number
          name: string
          position: number
          slug: string
          summary: string
          updated_at: string
        }
        Insert: {
          archived_at?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          horizon: Database['public']['Enums']['group_horizon']
          id?: string
          join_policy?: Database['public']['Enums']['join_policy']
          member_count?: number
          name: string
          position?: number
          slug: string
          summary: string
          updated_at?: string
        }
        Update: {
          archived_at?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          horizon?: Database['public']['Enums']['group_horizon']
          id?: string
          join_policy?: Database['public']['Enums']['join_policy']
          member_count?: number
          name?: string
          position?: number
          slug?: string
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
      profiles: {
        Row: {
          bio: string
          created_at: string
          display_name: string
          id: string
          region: string | null
          updated_at: string
        }
        Insert: {
          bio?: string
          created_at?: string
          display_name: string
          id: string
          region?: string | null
          updated_at?: string
        }
        Update: {
          bio?: string
          created_at?: string
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
    }
    Views: {}
    Functions: {}
    Enums: {
      group_horizon: 'quick_win' | 'strategic' | 'long_term'
      group_role: 'member' | 'facilitator'
      join_policy: 'open' | 'request'
      membership_status: 'active' | 'pending'
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
